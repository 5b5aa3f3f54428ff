/**
 * Content that ships inside Cairn's own folder (its example and its test packages) is a recording, not a team's live
 * work: its commits are Cairn's development, so it has no history from git and no versions from tags, and it is
 * judged at the time of its own newest evidence, as it was recorded.
 */
import { resolve } from 'node:path';
import { isWithin } from '../io/is-within.ts';

/** Cairn's own folder: the working folder in a checkout, CAIRN_ROOT for the `cairn` command (as the phase cache finds its code). */
function cairnFolder(): string {
  return resolve(process.env.CAIRN_ROOT || process.cwd());
}

/** Whether `root` is content that ships with Cairn. */
export function isCairnsOwn(root: string): boolean {
  return isWithin(resolve(root), cairnFolder());
}
