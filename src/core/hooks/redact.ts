/**
 * Hooks store text verbatim, secrets included (FORMATS §2.3: claude-flow's own redaction does not touch hooks and
 * misses "ghp_"), and authored files can hold them too. Every text that reaches the site passes through here: each
 * secret becomes a marker naming its kind, `[redacted: github-token]`, and the redactions are counted per kind so the
 * data-quality panel can say what was taken out.
 */
import type { HookEvent, Issue, SourceReport } from '../schema.ts';

/** The kinds of secret Cairn recognizes; each is also the name in its marker and in the per-source counts. */
export type SecretKind =
  | 'private-key'
  | 'github-token'
  | 'npm-token'
  | 'anthropic-key'
  | 'openai-key'
  | 'aws-access-key'
  | 'aws-secret-key'
  | 'slack-webhook'
  | 'slack-token'
  | 'google-api-key'
  | 'stripe-key'
  | 'jwt'
  | 'bearer-token'
  | 'password'
  | 'secret';

/** Redactions by kind, e.g. `{ "github-token": 2 }`; kinds with none are left out. */
export type RedactionCounts = Partial<Record<SecretKind, number>>;

/** The marker that stands in for a secret of `kind`. */
export const redactedMarker = (kind: SecretKind): string => `[redacted: ${kind}]`;

/** Start of every marker: a value that already holds one is never redacted again. */
export const REDACTED_PREFIX = '[redacted';

// A value assigned to a name: quoted (the quotes go with it), or up to the next space, comma, semicolon, backtick or
// closing brace or bracket (the end of a JSON object or array around it). Typographic quotes count too (Markdown's
// smart punctuation renders "value" as “value”), and so do HTML entities: the ";" of "&#70;" does not end the value.
const value = String.raw`(?:"[^"\n]*"|'[^'\n]*'|“[^”\n]*”|‘[^’\n]*’|(?:&#?[A-Za-z0-9]+;|[^\s,;\x60}\]])+)`;
// "NAME=", "NAME: ", "NAME\": ", "**NAME:** " (a bold Markdown key). Spaces only, never a line break: a name at the
// end of a line does not take the next line's first word.
const assign = String.raw`["'”’]?[ \t]*[=:][ \t]*(?:\*\*|__)?[ \t]*`;
// A name ends with the word: "max_tokens", "token_count" and "secretary" are not secrets. It starts where a run of
// name characters starts and is at most 200 of them: unanchored, `[…]*token` would rescan a long run (a base64 blob
// in a log) from every position, which is quadratic; 200 KB of base64 took over a minute.
const namePrefix = String.raw`(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]{0,200}?`;
const secretNames = String.raw`${namePrefix}(?:token|secret|api[_-]?key|access[_-]?key|private[_-]?key)`;
const passwordNames = String.raw`${namePrefix}(?:password|passwd)`;
// Token prefixes must start a word; a preceding "_" or "-" still counts as a start ("agent-ghp_…", "X_ghp_…").
const start = '(?<![A-Za-z0-9])';

/**
 * Patterns by kind, applied in this order (a private key block first, so nothing inside it is taken for another
 * kind; provider tokens before the generic `NAME=value`, so "GITHUB_TOKEN=ghp_…" says github-token). Text in a
 * `pre` or `post` group stays; the rest of the match is the secret.
 */
export const secretPatterns: Record<SecretKind, readonly RegExp[]> = {
  // A block cut off before its END line (a truncated log) is redacted to the end of the text.
  'private-key': [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g],
  // ghp_ (classic), gho_ (OAuth), ghu_ (user-to-server), ghs_ (server-to-server), ghr_ (refresh), github_pat_ (fine-grained).
  'github-token': [new RegExp(`${start}gh[pousr]_[A-Za-z0-9]{30,}`, 'g'), new RegExp(`${start}github_pat_[A-Za-z0-9_]{40,}`, 'g')],
  'npm-token': [new RegExp(`${start}npm_[A-Za-z0-9]{36,}`, 'g')],
  'anthropic-key': [new RegExp(`${start}sk-ant-[A-Za-z0-9_-]{20,}`, 'g')],
  // sk-… (legacy), sk-proj-… (project keys); never an Anthropic key.
  'openai-key': [new RegExp(`${start}sk-(?!ant-)(?:proj-)?[A-Za-z0-9_-]{20,}`, 'g')],
  'aws-access-key': [/(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g],
  'aws-secret-key': [new RegExp(`(?<pre>aws_secret_access_key${assign})${value}`, 'gi')],
  // The host and path kind stay; the rest of the URL (workspace, channel and secret) goes, whatever it is made of.
  'slack-webhook': [/(?<pre>https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)[^\s"'<>)\]]+/g],
  'slack-token': [new RegExp(`${start}xox[abeprs]-[A-Za-z0-9-]{10,}`, 'g')],
  'google-api-key': [new RegExp(`${start}AIza[0-9A-Za-z_-]{35}`, 'g')],
  'stripe-key': [new RegExp(`${start}(?:sk|rk)_live_[A-Za-z0-9]{20,}`, 'g')],
  jwt: [new RegExp(`${start}eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}`, 'g')],
  // Bearer tokens of any shape; at least 20 characters, so prose ("Bearer authentication") stays.
  'bearer-token': [/(?<pre>\b[Bb]earer[ \t]+)[A-Za-z0-9._~+/-]{20,}=*/g],
  password: [
    // "scheme://user:password@host" keeps the user and host; "redis://:password@host" has no user.
    /(?<pre>\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@]*:)[^\s@/]+(?<post>@)/gi,
    /(?<pre>\bAuthorization["']?[ \t]*[=:][ \t]*["']?Basic[ \t]+)[A-Za-z0-9+/]+={0,2}/gi,
    new RegExp(`(?<pre>"${passwordNames}"[ \\t]*:[ \\t]*")(?:[^"\\\\\\n]|\\\\.)+(?<post>")`, 'gi'),
    new RegExp(`(?<pre>${passwordNames}${assign})${value}`, 'gi'),
  ],
  secret: [
    // "NAME": "value" (JSON) keeps its quotes, so the text stays valid JSON.
    new RegExp(`(?<pre>"${secretNames}"[ \\t]*:[ \\t]*")(?:[^"\\\\\\n]|\\\\.)+(?<post>")`, 'gi'),
    new RegExp(`(?<pre>${secretNames}${assign})${value}`, 'gi'),
  ],
};

/** Every kind, in the order the patterns are applied. */
export const secretKinds = Object.keys(secretPatterns) as SecretKind[];

/** A value left alone: a plain number ("token=5"), a JSON literal ("use_token": true), or one already redacted. */
function keepValue(secret: string): boolean {
  return secret.includes(REDACTED_PREFIX) || /^["'“‘]?[+-]?\d+(?:\.\d+)?["'”’]?$/.test(secret) || /^(?:true|false|null)$/.test(secret);
}

export interface Redacted {
  text: string;
  counts: RedactionCounts;
}

/** `text` with every secret replaced by the marker of its kind, and how many of each kind were replaced. */
export function redactTextCounting(text: string): Redacted {
  const counts: RedactionCounts = {};
  let result = text;
  for (const kind of secretKinds) {
    for (const pattern of secretPatterns[kind]) {
      result = result.replace(pattern, (match: string, ...args: unknown[]) => {
        const groups = args.at(-1) as Partial<Record<'pre' | 'post', string | undefined>> | undefined;
        const pre = (typeof groups === 'object' && groups?.pre) || '';
        const post = (typeof groups === 'object' && groups?.post) || '';
        const secret = match.slice(pre.length, match.length - post.length);
        if (keepValue(secret)) return match;
        counts[kind] = (counts[kind] ?? 0) + 1;
        return `${pre}${redactedMarker(kind)}${post}`;
      });
    }
  }
  return { text: result, counts };
}

/** `text` with every secret replaced by `[redacted: <kind>]`. */
export function redactText(text: string): string {
  return redactTextCounting(text).text;
}

type Counts = Readonly<Record<string, number | undefined>>;

/**
 * The kind of secret a name announces, or null: "aws_secret_access_key", "DB_PASSWORD", "deploy_token", "apiKey",
 * "phase7/deploy/api_token" (the last segment of a memory key counts). Such a name makes its whole value secret,
 * whatever the value looks like: "hunter2" under "db_password" has no shape to spot.
 */
export function secretNameKind(name: string): SecretKind | null {
  const last = name.split(/[/:]/).at(-1) ?? name;
  if (/aws_secret_access_key$/i.test(last)) return 'aws-secret-key';
  if (/(?:password|passwd)$/i.test(last)) return 'password';
  if (/(?:token|secret|api[_-]?key|access[_-]?key|private[_-]?key)$/i.test(last)) return 'secret';
  return null;
}

/**
 * A value stored under `name`, redacted: its secrets by shape, and the whole of it when the name announces a secret
 * (plain numbers, JSON literals and redacted values stay, as in an assignment).
 */
export function redactNamedValueCounting(name: string, text: string): Redacted {
  const shaped = redactTextCounting(text);
  const kind = secretNameKind(name);
  if (kind === null || shaped.text.trim() === '' || keepValue(shaped.text.trim())) return shaped;
  return { text: redactedMarker(kind), counts: addCounts(shaped.counts, { [kind]: 1 }) };
}

/**
 * The sum of redaction counts, kinds in the table's order (then any other name, by code point), so the same inputs
 * give the same output. Kinds with no redactions are left out.
 */
export function addCounts(...all: readonly Counts[]): RedactionCounts {
  const names = new Set<string>(secretKinds);
  const others = [...new Set(all.flatMap((counts) => Object.keys(counts)))].filter((name) => !names.has(name)).toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sum: Record<string, number> = {};
  for (const name of [...secretKinds, ...others]) {
    const total = all.reduce((n, counts) => n + (counts[name] ?? 0), 0);
    if (total > 0) sum[name] = total;
  }
  return sum as RedactionCounts;
}

/** The total number of redactions. */
export const countRedactions = (counts: Counts): number => Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);

/** The event with all its text redacted, and how many secrets of each kind it held. The input is not changed. */
export function redactEventCounting(event: HookEvent): { event: HookEvent; counts: RedactionCounts } {
  const found: RedactionCounts[] = [];
  const redact = (text: string): string => {
    const { text: result, counts } = redactTextCounting(text);
    found.push(counts);
    return result;
  };
  const redactOrNull = (text: string | null): string | null => (text === null ? null : redact(text));
  // The value of a memory write under a key such as "deploy/api_token" is secret as a whole.
  const redactValue = (text: string | null): string | null => {
    if (text === null || event.memoryKey === null) return redactOrNull(text);
    const { text: result, counts } = redactNamedValueCounting(event.memoryKey, text);
    found.push(counts);
    return result;
  };
  const redacted: HookEvent = {
    ...event,
    description: redactOrNull(event.description),
    message: redactValue(event.message),
    status: redactValue(event.status),
    file: redactOrNull(event.file),
    memoryKey: redactOrNull(event.memoryKey),
    agent: redactOrNull(event.agent),
    session: redactOrNull(event.session),
    taskRef: redactOrNull(event.taskRef),
    level: redactOrNull(event.level),
    source: { ...event.source, namespace: redactOrNull(event.source.namespace), key: redactOrNull(event.source.key) },
    data: Object.fromEntries(
      Object.entries(event.data).map(([key, value]) => {
        if (typeof value !== 'string') return [redact(key), value];
        const { text, counts } = redactNamedValueCounting(key, value);
        found.push(counts);
        return [redact(key), text];
      }),
    ),
  };
  return { event: redacted, counts: addCounts(...found) };
}

/** The event with all its text redacted. */
export function redactEvent(event: HookEvent): HookEvent {
  return redactEventCounting(event).event;
}

/** A source's own texts (its warnings and skip reasons, which can quote a record) redacted, with the counts. */
export function redactSourceReport(report: SourceReport): { report: SourceReport; counts: RedactionCounts } {
  const found: RedactionCounts[] = [];
  const redact = (text: string): string => {
    const { text: result, counts } = redactTextCounting(text);
    found.push(counts);
    return result;
  };
  const skippedReasons: Record<string, number> = {};
  for (const [reason, n] of Object.entries(report.skippedReasons)) {
    const key = redact(reason);
    skippedReasons[key] = (skippedReasons[key] ?? 0) + n; // two reasons that differ only in a secret become one
  }
  return { report: { ...report, skippedReasons, warnings: report.warnings.map(redact) }, counts: addCounts(...found) };
}

/**
 * `value` with every string in it redacted, object keys included, at any depth (arrays, plain objects, Maps).
 * Numbers, booleans and null are returned as they are; the input is not changed. For whole models built from
 * authored text, where listing every printed field by hand would miss the next one added.
 */
export function redactStrings<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [walk(key), walk(item)]));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [walk(key), walk(item)]));
  }
  return value;
}

/** Where secrets sit in `text`: the kinds found (counted as redactTextCounting counts them) and the offset of the first. */
export function locateSecrets(text: string): { counts: RedactionCounts; first: number | null } {
  const { counts } = redactTextCounting(text);
  if (countRedactions(counts) === 0) return { counts, first: null };
  let first: number | null = null;
  for (const kind of secretKinds) {
    for (const pattern of secretPatterns[kind]) {
      for (const match of text.matchAll(pattern)) {
        const pre = match.groups?.pre ?? '';
        const post = match.groups?.post ?? '';
        if (keepValue(match[0].slice(pre.length, match[0].length - post.length))) continue;
        const at = match.index + pre.length;
        if (first === null || at < first) first = at;
        break; // the first match of a pattern is its earliest
      }
    }
  }
  return { counts, first };
}

/** "2 × github-token, 1 × password", kinds in the table's order. */
export function describeCounts(counts: Counts): string {
  return Object.entries(addCounts(counts)).map(([kind, n]) => `${n} × ${kind}`).join(', ');
}

/**
 * A warning for an authored file (task, overview, metrics, release notes) that holds secrets, at the first one, or
 * null when it holds none. The site shows them redacted, but they are still in the file, and in its history.
 */
export function secretWarning(path: string, text: string): Issue | null {
  const { counts, first } = locateSecrets(text);
  const total = countRedactions(counts);
  if (total === 0 || first === null) return null;
  const before = text.slice(0, first).split('\n');
  return {
    file: path,
    line: before.length,
    column: (before.at(-1)?.length ?? 0) + 1,
    severity: 'warning',
    message: `This file holds ${total === 1 ? 'a secret' : `${total} secrets`} (${describeCounts(counts)}); the site shows ${total === 1 ? 'it' : 'them'} redacted.`,
    hint: 'Take the secret out of the file and rotate it: anyone who can read the content, or its history, can read it.',
  };
}
