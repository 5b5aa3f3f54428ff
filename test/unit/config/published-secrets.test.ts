/**
 * The site's title, address and path are in every page (each <title>, the feeds and sitemap, every link), where no
 * marker can stand in for a secret: a secret in one of them is an error naming the key, at its line and column in the
 * config, or naming the variable (SITE and BASE, set by a flag or the environment), and nothing is built. The secret
 * itself is never quoted in the message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { environmentProblems } from '../../../src/core/pipeline/environment.ts';
import { resolveSettings, settingsEnv } from '../../../src/core/pipeline/settings.ts';
import { publishedValueProblem } from '../../../src/core/redact/published-values.ts';
import { formatIssue } from '../../../src/core/text/issues.ts';

/** The settings of a command run with a config of `text`, as `cairn build` resolves them. */
function readConfig(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'cairn-config-')), 'cairn.config.json');
  writeFileSync(file, text);
  const { settings, issues } = resolveSettings({ config: file }, dirname(file), {});
  return { settings, issues: issues.map((issue) => ({ ...issue, file: 'cairn.config.json' })) };
}

// Obviously fake, assembled at run time so that secret scanners have nothing to flag in this file.
const ghp = 'ghp' + '_' + 'Kq8'.repeat(12);
const openai = 'sk' + '-proj-' + 'Ab3'.repeat(10);
const glpat = 'gl' + 'pat-' + 'Zx9Yw8Vu7Ts6Rq5Po4Nm';

describe('config: a secret in title, site or base', () => {
  const config = `{
  "content": "docs",
  "title": "Ops ${ghp}",
  "site": "https://deploy:Hunter2pw@example.com",
  "base": "/${openai}/"
}
`;

  test('is an error at the key, naming what it holds, and the config is not used', () => {
    const { settings, issues } = readConfig(config);
    expect(settings).toBeNull();
    expect(issues.map(formatIssue).map((line) => line.split('\n')[0])).toEqual([
      'cairn.config.json:3:12 error "title" is not valid: it holds a secret (1 × github-token), and it would be in every page.',
      'cairn.config.json:4:11 error "site" is not valid: it holds a user name and password, and the address is in every feed and in the sitemap.',
      'cairn.config.json:5:11 error "base" is not valid: it holds a secret (1 × openai-key), and it would be in every page.',
    ]);
  });

  test('never quotes the secret', () => {
    const text = JSON.stringify(readConfig(config).issues);
    for (const secret of [ghp, openai, 'Hunter2pw']) expect(text).not.toContain(secret);
  });

  test('is found together with the other errors of the config', () => {
    const { issues } = readConfig(`{"title": "${glpat}", "out": 5}`);
    expect(issues.map((issue) => issue.message.split(':')[0])).toEqual(['"out" is not valid', '"title" is not valid']);
  });

  test('a title, address and path without secrets are fine', () => {
    const { settings, issues } = readConfig('{"title": "Token service: API keys and passwords", "site": "https://owner.github.io", "base": "/repo/"}');
    expect(issues).toEqual([]);
    expect([settings?.title, settings?.site, settings?.base]).toEqual(['Token service: API keys and passwords', 'https://owner.github.io', '/repo/']);
  });
});

describe('SITE, BASE (from --site, --base or the environment) and the title passed on to the build', () => {
  test.each([
    [
      'SITE with a user and password',
      { SITE: 'https://deploy:Hunter2pw@example.com' },
      'SITE (--site, or the environment) is not valid: it holds a user name and password',
    ],
    ['SITE with a user name', { SITE: 'https://deploy@example.com' }, 'SITE (--site, or the environment) is not valid: it holds a user name,'],
    ['SITE with a token', { SITE: `https://example.com/?t=${ghp}` }, 'SITE (--site, or the environment) is not valid: it holds a secret (1 × github-token)'],
    ['BASE with a key', { BASE: `/${openai}/` }, 'BASE (--base, or the environment) is not valid: it holds a secret (1 × openai-key)'],
    ['the title with a token', { CAIRN_TITLE: `Ops ${glpat}` }, "CAIRN_TITLE (the config's title) is not valid: it holds a secret (1 × gitlab-token)"],
  ])('%s is one problem, without the secret', (_name, env, start) => {
    const problems = environmentProblems(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(start);
    for (const secret of [ghp, openai, glpat, 'Hunter2pw']) expect(problems[0]).not.toContain(secret);
  });

  test('a flag reaches the check as SITE or BASE', () => {
    const { settings } = resolveSettings({ site: 'https://deploy:Hunter2pw@example.com', base: `/${ghp}/` }, '/tmp', {});
    expect(environmentProblems(settingsEnv(settings!)).map((problem) => problem.split(' is not valid')[0])).toEqual([
      'SITE (--site, or the environment)',
      'BASE (--base, or the environment)',
    ]);
  });
});

test('publishedValueProblem: only a secret, or credentials in an address, is a problem', () => {
  expect(publishedValueProblem('https://owner.github.io/repo/', { address: true })).toBeNull();
  expect(publishedValueProblem('Phase 7: API_KEY rotation and password resets')).toBeNull();
  expect(publishedValueProblem('/repo/')).toBeNull();
  expect(publishedValueProblem(`Ops ${ghp}`)).toMatch(/^it holds a secret \(1 × github-token\)/);
});
