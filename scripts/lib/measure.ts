/**
 * Wall time and peak memory of a command and every process it starts. Peak RSS comes from /proc, sampled every
 * 100 ms, summing VmRSS over the spawned process and all its descendants: /usr/bin/time is not on every machine, and
 * it reports only the largest single process, while a build is npm, then node, then astro, then pagefind's binary.
 * A sum counts shared pages (node's own binary, mapped by each process) once per process, so it errs high; a sample
 * rate of 100 ms can miss a peak shorter than that, so it also errs low for short spikes.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

interface ProcEntry {
  pid: number;
  ppid: number;
}

/**
 * The pid and parent pid from the text of /proc/<pid>/stat: "pid (comm) state ppid …". The command name may hold
 * spaces and parentheses, so the fields after it are found from the last ")".
 */
export function parseStat(text: string): ProcEntry | null {
  const close = text.lastIndexOf(')');
  const pid = Number.parseInt(text, 10);
  if (close < 0 || Number.isNaN(pid)) return null;
  const ppid = Number(text.slice(close + 2).split(' ')[1]);
  return Number.isInteger(ppid) ? { pid, ppid } : null;
}

/** VmRSS in bytes from the text of /proc/<pid>/status; null for a process without one (a zombie, a kernel thread). */
export function parseVmRss(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

/** `root` and every process below it, from a flat pid → parent list. */
export function processTree(root: number, entries: readonly ProcEntry[]): number[] {
  const children = new Map<number, number[]>();
  for (const { pid, ppid } of entries) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (tree.includes(pid)) continue; // pids can be reused mid-walk; never loop
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** A file under /proc, or null when the process ended between listing and reading. */
function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The summed resident memory of `root` and its descendants now, in bytes. */
function treeRss(root: number): number {
  const entries = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(`/proc/${name}/stat`))
    .map((text) => (text === null ? null : parseStat(text)))
    .filter((entry): entry is ProcEntry => entry !== null);
  let bytes = 0;
  for (const pid of processTree(root, entries)) bytes += parseVmRss(readProc(`/proc/${pid}/status`) ?? '') ?? 0;
  return bytes;
}

export interface Measured {
  wallMs: number;
  peakRssBytes: number;
  exitCode: number | null;
  signal: string | null;
}

interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The command's stdout and stderr go to this file; a build's log is long and the bench prints its own lines. */
  log: string;
}

/** Runs `command args`, timing it and sampling the memory of its process tree until it exits. */
export function measureCommand(command: string, args: readonly string[], { env, cwd, log }: RunOptions): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(log);
    const began = performance.now();
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    let peak = 0;
    const sample = (): void => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
    };
    const timer = setInterval(sample, 100);
    sample();
    child.on('error', (error) => {
      clearInterval(timer);
      out.end();
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearInterval(timer);
      const wallMs = performance.now() - began;
      out.end(() => resolve({ wallMs, peakRssBytes: peak, exitCode, signal }));
    });
  });
}
