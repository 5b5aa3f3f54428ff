/**
 * Hooks store text verbatim, secrets included (FORMATS §2.3: claude-flow's own redaction does not touch hooks and
 * misses "ghp_"). Every text field of an event passes through here before anything reaches the site.
 */
import type { HookEvent } from '../schema.ts';

export const REDACTED = '[redacted]';

/** Token shapes of common providers, and credentials in URLs and assignments. */
const secretPatterns: readonly RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g,
  /\bsk-ant-[A-Za-z0-9_-]{20,}/g, // Anthropic
  /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}/g, // OpenAI
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, // AWS access key ids
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API keys
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, // Slack
  /\b(?:sk|rk)_live_[A-Za-z0-9]{20,}/g, // Stripe
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWTs
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /(?<=\bBearer\s+)[A-Za-z0-9._~+/-]{20,}=*/g, // bearer tokens of any shape
];
// "scheme://user:password@host" keeps the user and host.
const urlCredentials = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+):[^\s@/]+@/gi;
// "password=…", "API_KEY: …", "secret=…", "token=…": the name stays, the value goes.
// The name must end with the word ("max_tokens", "token_count" are not secrets), and plain numbers are left alone.
const assignments = /\b([A-Za-z0-9_]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key))(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;]+)/gi;

/** `text` with every secret it holds replaced by [redacted]. */
export function redactText(text: string): string {
  let result = text;
  for (const pattern of secretPatterns) result = result.replace(pattern, REDACTED);
  result = result.replace(urlCredentials, `$1:${REDACTED}@`);
  result = result.replace(assignments, (match, name: string, separator: string, value: string) => (value.includes(REDACTED) || /^\d+$/.test(value) ? match : `${name}${separator}${REDACTED}`));
  return result;
}

const redactOrNull = (text: string | null): string | null => (text === null ? null : redactText(text));

/** The event with all its text redacted. */
export function redactEvent(event: HookEvent): HookEvent {
  return {
    ...event,
    description: redactOrNull(event.description),
    message: redactOrNull(event.message),
    status: redactOrNull(event.status),
    file: redactOrNull(event.file),
    memoryKey: redactOrNull(event.memoryKey),
    agent: redactOrNull(event.agent),
    session: redactOrNull(event.session),
    taskRef: redactOrNull(event.taskRef),
    source: { ...event.source, key: redactOrNull(event.source.key) },
    data: Object.fromEntries(Object.entries(event.data).map(([key, value]) => [key, typeof value === 'string' ? redactText(value) : value])),
  };
}
