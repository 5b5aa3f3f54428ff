/**
 * Hooks store text verbatim, secrets included (FORMATS §2.3: claude-flow's own redaction does not touch hooks and
 * misses "ghp_"), and authored files can hold them too. Every text that reaches the site passes through here: each
 * secret becomes a marker naming its kind, `[redacted: github-token]`, and the redactions are counted per kind so the
 * data-quality panel can say what was taken out.
 */
import type { HookEvent, Issue, SourceReport } from '../schema/model.ts';
import { decodedView, joinedView, originOf, type TextView } from './text-view.ts';

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
const assign = String.raw`["'”’]?[ \t]*(?:=|:(?!:))[ \t]*(?:\*\*|__)?[ \t]*`;
// A name ends with the word: "max_tokens", "token_count" and "secretary" are not secrets. It starts where a run of
// name characters starts and is at most 200 of them: unanchored, `[…]*token` would rescan a long run (a base64 blob
// in a log) from every position, which is quadratic; 200 KB of base64 took over a minute.
const namePrefix = String.raw`(?<![A-Za-z0-9_.-])(?<!\$\{)[A-Za-z0-9_.-]{0,200}?`;
const secretWords = String.raw`(?:token|secret|api[_-]?key|access[_-]?key|private[_-]?key)`;
const passwordWords = String.raw`(?:password|passwd|passphrase|pass[_-]phrase)`;
const secretNames = String.raw`${namePrefix}${secretWords}`;
const passwordNames = String.raw`${namePrefix}${passwordWords}`;
// Token prefixes start a word; a preceding "_" or "-" still counts as a start ("agent-ghp_…", "X_ghp_…"), and so does
// any other character that is not a letter or digit. Encoded neighbours ("%3Dghp_…", "\nghp_…") are decoded first.
const start = '(?<![A-Za-z0-9])';

/**
 * Patterns by kind, applied in this order (a private key block first, so nothing inside it is taken for another
 * kind; provider tokens before the generic `NAME=value`, so "GITHUB_TOKEN=ghp_…" says github-token). Text in a
 * `pre` or `post` group stays; the rest of the match is the secret.
 */
export const secretPatterns: Record<SecretKind, readonly RegExp[]> = {
  'private-key': [
    // A block cut off before its END line (a truncated log) is redacted to the end of the text.
    /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    // A PuTTY key file, from its first line to its MAC.
    /PuTTY-User-Key-File-\d+:[\s\S]*?(?:Private-MAC:[^\n]*|$)/g,
  ],
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
    // A JSON value may sit on the line after its name (pretty-printed).
    new RegExp(`(?<pre>"${passwordNames}"\\s*:\\s*")(?:[^"\\\\\\n]|\\\\.)+(?<post>")`, 'gi'),
    // A passphrase of several words on a line of its own: the whole rest of the line.
    new RegExp(`(?<pre>^[ \\t]*(?:[-*+][ \\t]+)?(?:\\*\\*|__)?${passwordNames}${assign})[^\\s"'\`“‘][^\\n]*?[ \\t]+[^\\n]*?(?=[ \\t]*$)`, 'gim'),
    new RegExp(`(?<pre>${passwordNames}${assign})${value}`, 'gi'),
  ],
  secret: [
    // "NAME": "value" (JSON) keeps its quotes, so the text stays valid JSON; the value may be on the next line.
    new RegExp(`(?<pre>"${secretNames}"\\s*:\\s*")(?:[^"\\\\\\n]|\\\\.)+(?<post>")`, 'gi'),
    new RegExp(`(?<pre>${secretNames}${assign})${value}`, 'gi'),
  ],
};

/** Every kind, in the order the patterns are applied. */
export const secretKinds = Object.keys(secretPatterns) as SecretKind[];

/** Kinds found by their shape alone; the others are secret because of the name their value is assigned to. */
const namedKinds: ReadonlySet<SecretKind> = new Set(['aws-secret-key', 'password', 'secret']);

// A YAML block or folded value under a secret name: "DEPLOY_TOKEN: |" and the indented lines after it.
const blockValue = new RegExp(String.raw`^([ \t]*)(?:[-*][ \t]+)?["']?(${namePrefix}(?:${secretWords}|${passwordWords}))["']?[ \t]*:[ \t]*[|>][+-]?[0-9]?[ \t]*\n((?:\1[ \t]+\S[^\n]*(?:\n|$)|[ \t]*\n)+)`, 'gim');
// A JSON Web Key's private members; only in a text that has a "kty" member.
const jwkPrivate = /(?<pre>"(?:d|p|q|dp|dq|qi|k)"\s*:\s*")[A-Za-z0-9_-]{16,}(?<post>")/g;
// Base64 long enough to hide a secret; decoded and searched once (a base64-encoded .env).
const base64Run = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])/g;
/** Something every pattern above needs: a token prefix, a secret-like name, a URL or an auth scheme. */
const trigger = /(?<![A-Za-z0-9])(?:gh[pousr]_|github_pat_|npm_|sk-|xox[abeprs]-|AIza|eyJ)|_live_|AKIA|ASIA|bearer|basic|:\/\/|token|secret|api[_-]?key|access[_-]?key|private|passw|pass[_-]?phrase|putty|"kty"/i;
/** The longest base64 run decoded; a bigger blob is data, not a credential file. */
const maxBase64 = 65_536;

/** A value left alone: a short number ("token=5"), a JSON literal ("use_token": true), or one already redacted. */
function keepValue(secret: string): boolean {
  if (secret.includes(REDACTED_PREFIX)) return true;
  const number = /^["'“‘]?[+-]?(\d+)(\.\d+)?["'”’]?$/.exec(secret);
  // Six digits or more under a secret name is a PIN or a numeric password ("redis_password: 8675309001").
  if (number) return number[2] !== undefined || number[1]!.length < 6;
  return /^(?:true|false|null)$/.test(secret);
}

// Types, calls, references and placeholders: what code and templates assign to secret names without a secret.
const typeAnnotation = /^(?:string|number|boolean|bool|any|unknown|object|str|int|integer|float|bytes|char|text|varchar|uuid|secretstr|secretstring|secret|optional|option|none|null|undefined|nil|required)(?:\[[^\]]*\]|<[^>]*>|\(\d*\))?[;:,)>\]?|!={]*$/i;
// A call or index ("z.string().min(8)", "os.environ['X']", "std::env::var(", "querySelector<T>(") or a member path
// ("config.auth.token", "std::env").
const expression = /^[A-Za-z_$][\w$]*(?:(?:\??\.|::)[A-Za-z_$][\w$]*)*\s*[([<]|^[A-Za-z_$][\w$]*(?:(?:\??\.|::)[A-Za-z_$][\w$]*)+[;,)]*$/;
// Types of other languages: references and pointers ("&str", "*string", "&[u8]"), and names of two or more words
// ("SecretString", "Uint8Array"); one capitalised word with digits ("Summer2024") is a password.
// Letters of both cases and digits, 16 or more, with nothing else: what generated keys look like, whatever the name.
const generated = /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)[A-Za-z0-9+/=_-]{16,}$/;
const otherType = /^(?:[&*]+(?:mut\s+)?[[A-Za-z_]\S*|\[\]\w+|[A-Z][a-z]{2,}\d*(?:[A-Z][a-z]{2,}\d*)+)[;:,)>\]?|!={]*$/;
// Words of code and configuration that stand where a value would: keywords, permissions, modes.
const codeWords = new Set(['await', 'async', 'new', 'function', 'fn', 'lambda', 'yield', 'typeof', 'return', 'const', 'let', 'var', 'self', 'this', 'read', 'write', 'admin', 'inherit', 'default', 'auto', 'true', 'false']);
// printf and format placeholders: "%s", "%(name)s", "{}", "{0}".
const formatSpecifier = /^(?:%[-+ #0]*\d*(?:\.\d+)?[sdifxXoeEgGqvp]|%\(\w+\)[sd]|\{\d*\})\W*$/;
const camelCase = /^[a-z]+(?:[A-Z][a-z]+)+[;,)]*$/;
const envReference = /^(?:![A-Za-z]|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\{\{|\$\(|%[A-Za-z_][A-Za-z0-9_]*%|(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|Deno\.env|System\.getenv|ENV\[|env\(|secrets\.|vars\.))/;
const placeholder = /^(?:<[^>]*>|\{\{[^}]*\}\}|\{[A-Za-z_]+\}|\[[A-Za-z0-9 _-]+\]?|x+|\*+|\.+|-+|_+|changeme|change[-_]?me|replace[-_]?me|placeholder|redacted|secret|password|passw0rd|token|api[-_]?key|none|null|nil|empty|todo|tbd|n\/a|example|sample|dummy|test|foo|bar|\.\.\..*|(?:your|my|the|an?|example|sample|dummy|fake|test|placeholder|insert|enter|paste|put)[-_ ].*|.*[-_](?:here|example|placeholder|goes[-_]here))$/i;

/** Token shapes that are placeholders: "ghp_xxxxxxxx…", "sk-XXXXXXXX…". */
const placeholderToken = /^(?:[A-Za-z]+[_-])+(?:x+|X+|\*+)$/;

/**
 * Whether a value assigned to a secret name is a secret: a literal, not code or a template. Type annotations
 * ("password: string"), calls ("z.string()"), identifiers ("consentToken"), environment references
 * ("process.env.API_KEY") and placeholders ("your-secret-key", "<token>") are not.
 */
export function isSecretLiteral(raw: string, after = ''): boolean {
  const quoted = /^["'“‘]/.test(raw);
  const text = raw.replace(/^["'“‘]|["'”’]$/g, '').trim();
  if (!/[A-Za-z0-9]/.test(text) || placeholder.test(text) || placeholderToken.test(text) || envReference.test(text) || formatSpecifier.test(text)) return false;
  // Brackets around it belong to the code it sits in: "(await", "api_key)".
  const bare = text.replace(/^[([]+|[;,)\]}]+$/g, '');
  // A value that is itself the name of a secret ("refresh_token", api_key=api_key) names one; it does not hold one.
  if (/^[A-Za-z_][\w.-]*$/.test(bare) && secretNameKind(bare) !== null) return false;
  if (quoted || generated.test(bare)) return true;
  // One lower-case word with more words after it is prose: "the refresh token: it lives in a cookie".
  if (/^[a-z]+[,.;:]?$/.test(text) && /^[ \t]+[a-z(]/.test(after)) return false;
  return !(codeWords.has(bare) || typeAnnotation.test(text) || otherType.test(text) || expression.test(bare) || camelCase.test(bare));
}


interface Span {
  start: number;
  end: number;
  kind: SecretKind;
}

/** Adds a span unless it overlaps one found before: the earlier pattern (a token shape before a name) wins. */
function addSpan(spans: Span[], span: Span): void {
  if (span.end > span.start && !spans.some((other) => other.start < span.end && span.start < other.end)) spans.push(span);
}

/** Secrets of the pattern table in a view, as spans of the original text; `accept` can turn a match down. */
function patternSpans(view: TextView, kinds: readonly SecretKind[], spans: Span[], accept: (start: number, end: number) => boolean = () => true): void {
  for (const kind of kinds) {
    for (const pattern of secretPatterns[kind]) {
      for (const match of view.text.matchAll(pattern)) {
        const pre = match.groups?.pre ?? '';
        const post = match.groups?.post ?? '';
        const from = match.index + pre.length;
        const to = match.index + match[0].length - post.length;
        const secret = view.text.slice(from, to);
        if (keepValue(secret) || !accept(from, to)) continue;
        if (namedKinds.has(kind) ? !isSecretLiteral(secret.trim(), view.text.slice(to, to + 40)) : placeholderToken.test(secret)) continue;
        addSpan(spans, { start: originOf(view, from), end: originOf(view, to), kind });
      }
    }
  }
}

/**
 * Every secret in `text`, as non-overlapping spans in order. The patterns run on the decoded view (URL and backslash
 * escapes undone, invisible characters dropped), token shapes also on the joined view (a token wrapped over lines),
 * then the structured cases: block values under secret names, JSON Web Keys, base64 that decodes to secrets.
 */
function findSecrets(text: string, depth = 0): Span[] {
  const spans: Span[] = [];
  const decoded = decodedView(text);
  // Most texts name no secret and hold no token prefix: one scan settles them.
  const named = trigger.test(decoded.text);
  if (named) patternSpans(decoded, secretKinds, spans);
  const joined = named ? joinedView(decoded) : null;
  if (joined) {
    const crossesJoin = (from: number, to: number) => joined.joins.some((join) => from < join && join < to);
    patternSpans(joined.view, secretKinds.filter((kind) => !namedKinds.has(kind)), spans, crossesJoin);
  }
  for (const match of named ? decoded.text.matchAll(blockValue) : []) {
    const kind = secretNameKind(match[2] ?? '');
    const body = match[3] ?? '';
    const lead = body.length - body.trimStart().length;
    const from = match.index + match[0].length - body.length + lead;
    const to = match.index + match[0].length - (body.length - body.trimEnd().length);
    if (kind && to > from && isSecretLiteral(decoded.text.slice(from, to).trim())) addSpan(spans, { start: originOf(decoded, from), end: originOf(decoded, to), kind });
  }
  if (named && /"kty"\s*:/.test(decoded.text)) {
    for (const match of decoded.text.matchAll(jwkPrivate)) {
      const from = match.index + (match.groups?.pre ?? '').length;
      addSpan(spans, { start: originOf(decoded, from), end: originOf(decoded, from + match[0].length - (match.groups?.pre ?? '').length - 1), kind: 'private-key' });
    }
  }
  if (depth === 0) {
    for (const match of decoded.text.matchAll(base64Run)) {
      if (match[0].length > maxBase64) continue;
      const inner = decodeBase64Text(match[0]);
      const found = inner === null ? [] : findSecrets(inner, 1);
      if (found.length > 0) addSpan(spans, { start: originOf(decoded, match.index), end: originOf(decoded, match.index + match[0].length), kind: found[0]!.kind });
    }
  }
  return spans.toSorted((a, b) => a.start - b.start);
}

/** Base64 that decodes to printable text, as that text; null for binary data or not base64 at all. */
function decodeBase64Text(run: string): string | null {
  const printable = /^[\t\n\r\x20-\x7E]*$/;
  let bytes: string;
  try {
    // Most long runs are hashes or binary data: their first bytes already say so.
    if (run.length > 48 && !printable.test(atob(run.slice(0, 48)))) return null;
    bytes = atob(run.length % 4 === 0 ? run : run + '='.repeat((4 - (run.length % 4)) % 4));
  } catch {
    return null;
  }
  return printable.test(bytes) && /[=:]/.test(bytes) ? bytes : null;
}

export interface Redacted {
  text: string;
  counts: RedactionCounts;
}

/** `text` with every secret replaced by the marker of its kind, and how many of each kind were replaced. */
export function redactTextCounting(text: string): Redacted {
  const spans = findSecrets(text);
  if (spans.length === 0) return { text, counts: {} };
  const counts: RedactionCounts = {};
  let result = '';
  let at = 0;
  for (const span of spans) {
    result += text.slice(at, span.start) + redactedMarker(span.kind);
    counts[span.kind] = (counts[span.kind] ?? 0) + 1;
    at = span.end;
  }
  return { text: result + text.slice(at), counts: addCounts(counts) };
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
  if (/(?:password|passwd|passphrase|pass[_-]phrase)$/i.test(last)) return 'password';
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
  if (kind === null || shaped.text.trim() === '' || keepValue(shaped.text.trim()) || !isSecretLiteral(shaped.text.trim())) return shaped;
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
    // A file name can hold a secret as well as a message can (a log saved under a token's name).
    source: { ...event.source, path: redact(event.source.path), namespace: redactOrNull(event.source.namespace), key: redactOrNull(event.source.key) },
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

/** A source's own texts (its path, warnings and skip reasons, which can quote a record) redacted, with the counts. */
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
  return { report: { ...report, path: redact(report.path), skippedReasons, warnings: report.warnings.map(redact), readWith: report.readWith.map(redact) }, counts: addCounts(...found) };
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
  const spans = findSecrets(text);
  const counts: RedactionCounts = {};
  for (const span of spans) counts[span.kind] = (counts[span.kind] ?? 0) + 1;
  return { counts: addCounts(counts), first: spans[0]?.start ?? null };
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
