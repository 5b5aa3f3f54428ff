/**
 * The output folder is Cairn's alone: every way a team can point `out` at its own files (a mistyped config, a flag)
 * ends with every file intact and a refusal naming the folder and where it was named. Run through the `cairn`
 * command in a repository laid out as teams have it; a refusal comes before any build, so these are quick.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanEnv } from '../sites.ts';

const cairn = resolve('bin/cairn.mjs');

/** A team's repository: docs with a coordination package, source, a claude-flow store; and a sibling project. */
function repository(config: object): { repo: string; parent: string } {
  const parent = mkdtempSync(join(tmpdir(), 'cairn-out-'));
  const repo = join(parent, 'riptide');
  mkdirSync(join(repo, '.git'), { recursive: true });
  writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  cpSync('test/fixtures/packages/minimal', join(repo, 'docs', 'project-history'), { recursive: true });
  writeFileSync(join(repo, 'docs', 'guide.md'), '# Guide\n');
  mkdirSync(join(repo, 'docs', 'img'));
  writeFileSync(join(repo, 'docs', 'img', 'arch.svg'), '<svg/>');
  mkdirSync(join(repo, 'src'));
  writeFileSync(join(repo, 'src', 'main.rs'), 'fn main() {}\n');
  mkdirSync(join(repo, '.swarm'));
  writeFileSync(join(repo, '.swarm', 'memory.db'), 'not read: the build is refused first');
  writeFileSync(join(repo, 'README.md'), '# Riptide\n');
  writeFileSync(join(repo, 'report.pdf'), '%PDF-1.4');
  writeFileSync(join(repo, 'cairn.config.json'), JSON.stringify({ content: 'docs/project-history', ...config }, null, 2));
  mkdirSync(join(parent, 'reports'));
  writeFileSync(join(parent, 'reports', 'q3.md'), '# Q3\n');
  mkdirSync(join(parent, 'sibling'));
  writeFileSync(join(parent, 'sibling', 'index.js'), '');
  return { repo, parent };
}

/** Every file under `dir` (dot folders included) with its digest. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [
        join(entry.parentPath, entry.name).slice(dir.length),
        createHash('sha256')
          .update(readFileSync(join(entry.parentPath, entry.name)))
          .digest('hex'),
      ]),
  );
}

function build(cwd: string, args: string[] = []) {
  const run = spawnSync(process.execPath, [cairn, 'build', ...args], {
    cwd,
    env: { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('a build refuses an output folder that holds anything but a site Cairn built', () => {
  const cases: { name: string; config?: object; args?: string[]; says: RegExp }[] = [
    {
      name: '"out": "docs" (holds the content and the team\'s docs)',
      config: { out: 'docs' },
      says: /^error The output folder docs \("out" at cairn\.config\.json:3:10\) holds the content folder \(docs\/project-history\); a build replaces its output folder whole, so it was not touched\.\n {2}hint: Point "out" in the config at a folder of the site's own/,
    },
    {
      name: '--out . (the repository)',
      args: ['--out', '.'],
      says: /^error The output folder \. \(--out\) is the content folder|^error The output folder \. \(--out\) holds the content folder/,
    },
    {
      name: '"out": "." (the config\'s folder and the repository)',
      config: { out: '.' },
      says: /The output folder \. \("out" at cairn\.config\.json:3:10\) holds the content folder/,
    },
    {
      name: '"out": ".." (the repository and a sibling project)',
      config: { out: '..' },
      says: /The output folder \.\. \("out" at cairn\.config\.json:3:10\) holds the content folder/,
    },
    {
      name: '"out": the content folder itself',
      config: { out: 'docs/project-history' },
      says: /The output folder docs\/project-history \("out" at cairn\.config\.json:3:10\) is the content folder/,
    },
    {
      name: '"out": inside the content folder',
      config: { out: 'docs/project-history/site' },
      says: /The output folder docs\/project-history\/site \("out" at cairn\.config\.json:3:10\) is inside the content folder \(docs\/project-history\), where it would be read as content\./,
    },
    {
      name: '"out": the hook store\'s folder',
      config: { out: '.swarm', hooks: ['.swarm/memory.db'] },
      says: /The output folder \.swarm \("out" at cairn\.config\.json:3:10\) holds the hook log \.swarm\/memory\.db/,
    },
    { name: '"out": inside .git', config: { out: '.git/site' }, says: /is inside the repository's \.git folder\./ },
    {
      name: "--out ../reports (the team's reports)",
      args: ['--out', '../reports'],
      says: /The output folder \.\.\/reports \(--out\) holds a file Cairn did not write \(q3\.md\); a build replaces its output folder whole, so it was not touched\.\n {2}hint: Point --out at a folder of the site's own, such as dist\/ \(a new or empty folder, or one Cairn built before\)\. If it is a site Cairn built before this mark existed, delete the folder and build again\./,
    },
    { name: '--out src (non-empty, no mark)', args: ['--out', 'src'], says: /The output folder src \(--out\) holds a file Cairn did not write \(main\.rs\)/ },
    {
      name: '--out report.pdf (a file)',
      args: ['--out', 'report.pdf'],
      says: /The output folder report\.pdf \(--out\) is a file, not a folder; it was not touched\./,
    },
    {
      name: "--out a link to the team's reports",
      args: ['--out', 'linked'],
      says: /The output folder linked \(--out\) is a link \(to \.\.\/reports\); a build would replace the link, not what it points at\./,
    },
    { name: "--out / (the file system's root)", args: ['--out', '/'], says: /^error The output folder [./]+ \(--out\) holds the content folder/ },
  ];
  for (const { name, config = {}, args = [], says } of cases) {
    test(name, () => {
      const { repo, parent } = repository(config);
      symlinkSync(join(parent, 'reports'), join(repo, 'linked'));
      const before = tree(parent);
      const { status, output } = build(repo, args);
      expect(output.trim()).toMatch(says);
      expect(status).toBe(1);
      expect(output).not.toMatch(/\n\s+at |bug in Cairn/);
      expect(tree(parent)).toEqual(before);
    });
  }

  // A mount point would be emptied by replacing the folder whole. Making one needs root (tmpfs); CI runs as root.
  test.runIf(process.getuid?.() === 0)('a mount point', () => {
    const { repo, parent } = repository({});
    mkdirSync(join(parent, 'mounted'));
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', join(parent, 'mounted')]);
    if (mount.status !== 0) return; // a container without the right to mount: nothing to test here
    try {
      writeFileSync(join(parent, 'mounted', 'kept.txt'), 'on the mount');
      const { status, output } = build(repo, ['--out', '../mounted']);
      expect(output.trim()).toMatch(/^error The output folder \.\.\/mounted \(--out\) holds a file Cairn did not write|is a mount point/);
      expect(status).toBe(1);
      // Empty, it is still refused: a build would replace the mount point's folder.
      spawnSync('rm', [join(parent, 'mounted', 'kept.txt')]);
      const empty = build(repo, ['--out', '../mounted']);
      expect(empty.output.trim()).toMatch(/^error The output folder \.\.\/mounted \(--out\) is a mount point \(a file system of its own\)/);
      expect(empty.status).toBe(1);
    } finally {
      spawnSync('umount', [join(parent, 'mounted')]);
    }
  });

  // A folder Cairn may not write into: a read-only file system (root writes anywhere else), said in one line.
  test.runIf(process.getuid?.() === 0)('an output folder on a read-only file system', () => {
    const { repo, parent } = repository({});
    mkdirSync(join(parent, 'readonly'));
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', join(parent, 'readonly')]).status !== 0) return;
    try {
      const { status, output } = build(repo, ['--out', '../readonly/site']);
      expect(output.trim()).toBe(
        'error ../readonly is on a read-only file system, so the site cannot be written to ../readonly/site. Build into a folder you can write, with --out.',
      );
      expect(status).toBe(1);
    } finally {
      spawnSync('umount', [join(parent, 'readonly')]);
    }
  });
});
