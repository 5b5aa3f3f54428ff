import type { TaskStatus } from '../schema.ts';

/**
 * Words that decide an authored status. Real task files say "Ready to execute", "⏸️ Waiting for Task 7.3" or
 * "Pending (after 7.3 is complete)"; the word that comes first decides, so the trailing "complete" there does not.
 */
const statusWords: Record<TaskStatus, RegExp> = {
  blocked: /\bblocked\b|\bwaiting\b|\bon hold\b|\bstalled\b|⛔|🚫/i,
  complete: /\bcomplete(d)?\b|\bdone\b|\bfinished\b|\bdelivered\b|\bshipped\b|✅|✔/i,
  in_progress: /\bin[\s_-]?progress\b|\bstarted\b|\bactive\b|\brunning\b|\bexecuting\b|\bunderway\b|🔄|🚧/i,
  pending: /\bpending\b|\bready\b|\bnot[\s_-]?started\b|\btodo\b|\bto do\b|\bplanned\b|\bqueued\b|\bbacklog\b/i,
};

/** Maps a status as written to one of the package's status values, or null when no word matches. */
export function parseStatus(text: string): TaskStatus | null {
  let best: { status: TaskStatus; index: number } | null = null;
  for (const [status, pattern] of Object.entries(statusWords) as [TaskStatus, RegExp][]) {
    const index = text.search(pattern);
    if (index >= 0 && (best === null || index < best.index)) best = { status, index };
  }
  return best?.status ?? null;
}
