/**
 * Putting a built site in place: one build at a time per checkout, and the new site swapped in whole, so readers and
 * deploys never see half of it.
 */
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether a process with this id is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock file, waiting while another live process holds it (a lock left by a process that died is taken
 * over). Returns the function that gives it back.
 */
export async function acquireBuildLock(path: string, onWait: (holder: number) => void): Promise<() => void> {
  mkdirSync(dirname(path), { recursive: true });
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (existsSync(path) && readFileSync(path, 'utf8') === String(process.pid)) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(path, 'utf8')) || 0;
    if (holder === 0 || !alive(holder)) {
      rmSync(path, { force: true });
      continue;
    }
    if (!told) onWait(holder);
    told = true;
    await sleep(250);
  }
}

/**
 * Moves the built site from `staging` to `outDir`. The old site moves aside first, so there is never a moment without
 * a complete site. When `outDir` cannot be renamed (a mount point, or another file system than the staging folder),
 * its contents are replaced instead: the new files are copied into a folder inside it, then moved over the old ones.
 */
export function swapInto(staging: string, outDir: string): void {
  const previous = `${outDir}.previous-${process.pid}`;
  try {
    if (existsSync(outDir)) renameSync(outDir, previous);
    renameSync(staging, outDir);
    rmSync(previous, { recursive: true, force: true });
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!['EXDEV', 'EBUSY', 'EPERM', 'EACCES'].includes(code ?? '')) throw error;
    if (existsSync(previous) && !existsSync(outDir)) renameSync(previous, outDir);
  }
  mkdirSync(outDir, { recursive: true });
  const incoming = join(outDir, `.incoming-${process.pid}`);
  cpSync(staging, incoming, { recursive: true });
  for (const name of readdirSync(outDir)) if (name !== `.incoming-${process.pid}`) rmSync(join(outDir, name), { recursive: true, force: true });
  for (const name of readdirSync(incoming)) renameSync(join(incoming, name), join(outDir, name));
  rmSync(incoming, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
}
