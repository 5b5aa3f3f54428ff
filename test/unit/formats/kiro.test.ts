/** Kiro's specs, .kiro/specs/<feature>/tasks.md: where a content root holds them (src/core/io/read-package.ts). */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { listPackageDirs } from '../../../src/core/io/read-package.ts';

const fixture = 'test/fixtures/formats/kiro-garden-plots';
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('a repository root holding .kiro/specs/', () => {
  test('its specs are the phases, as when the content is .kiro/specs/ itself (archived specs and warnings included)', () => {
    const fromSpecs = listPackageDirs(`${fixture}/.kiro/specs`);
    expect(fromSpecs.dirs.length).toBeGreaterThan(2);
    const fromRoot = listPackageDirs(fixture);
    expect(fromRoot.dirs).toEqual(fromSpecs.dirs);
    expect(fromRoot.issues).toEqual(fromSpecs.issues);
  });

  test('beside steering/ and hooks/, and a README at the root, the specs are still found', () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-kiro-'));
    mkdirSync(join(dir, '.kiro', 'steering'), { recursive: true });
    mkdirSync(join(dir, '.kiro', 'hooks'), { recursive: true });
    cpSync(`${fixture}/.kiro/specs`, join(dir, '.kiro', 'specs'), { recursive: true });
    writeFileSync(join(dir, '.kiro', 'steering', 'product.md'), '# Product\n');
    writeFileSync(join(dir, '.kiro', 'hooks', 'format.kiro.hook'), '{"enabled":true}');
    writeFileSync(join(dir, 'README.md'), '# Garden plots\n');
    expect(listPackageDirs(dir).dirs.map(({ phaseId }) => phaseId)).toEqual(listPackageDirs(`${fixture}/.kiro/specs`).dirs.map(({ phaseId }) => phaseId));
  });
});
