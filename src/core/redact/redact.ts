/**
 * Hooks store text verbatim, secrets included (docs/hook-logs.md#how-a-value-is-encoded: claude-flow's own redaction
 * does not touch hooks and misses "ghp_"), and authored files can hold them too. Every text that reaches the site
 * passes through here: each secret becomes a marker naming its kind, `[redacted: github-token]`, and the redactions are
 * counted per kind so the data-quality panel can say what was taken out.
 */
import type { HookEvent, Issue, SourceReport } from '../schema/model.ts';
import { anglePlaceholder, tokenEvidence, valueEvidence, type Evidence } from './evidence.ts';
import { decodedView, joinedView, originOf, type TextView } from './text-view.ts';

/**
 * The kinds of secret Cairn recognizes, in the order they are looked for; each is also the name in its marker and in
 * the per-source counts. The shapes follow the public rule sets of GitHub's secret scanning and gitleaks (prefixes and
 * lengths); "password" and "secret" are values of names that announce one ("DB_PASSWORD=", "deploy_token: ").
 */
export const secretKinds = [
  'private-key',
  'github-token',
  'gitlab-token',
  'npm-token',
  'pypi-token',
  'anthropic-key',
  'openai-key',
  'huggingface-token',
  'aws-access-key',
  'aws-secret-key',
  'azure-key',
  'google-api-key',
  'google-oauth',
  'slack-webhook',
  'slack-token',
  'discord-token',
  'telegram-bot-token',
  'stripe-key',
  'square-token',
  'shopify-token',
  'sendgrid-key',
  'mailgun-key',
  'mailchimp-key',
  'twilio-key',
  'digitalocean-token',
  'databricks-token',
  'doppler-token',
  'linear-key',
  'postman-key',
  'atlassian-token',
  'heroku-key',
  'hashicorp-token',
  'grafana-token',
  'sentry-token',
  'pulumi-token',
  'rubygems-token',
  'planetscale-token',
  'jwt',
  'bearer-token',
  'session-cookie',
  'password',
  'secret',
] as const;

type SecretKind = (typeof secretKinds)[number];

/** Redactions by kind, e.g. `{ "github-token": 2 }`; kinds with none are left out. */
export type RedactionCounts = Partial<Record<SecretKind, number>>;

/** The marker that stands in for a secret of `kind`. */
const redactedMarker = (kind: SecretKind): string => `[redacted: ${kind}]`;

/** Start of every marker: a value that already holds one is never redacted again. */
const REDACTED_PREFIX = '[redacted';

// Token prefixes start a word; a preceding "_" or "-" still counts as a start ("agent-ghp_…", "X_ghp_…"), and so does
// any other character that is not a letter or digit. Encoded neighbours ("%3Dghp_…", "\nghp_…") are decoded first.
const start = '(?<![A-Za-z0-9])';
const end = '(?![A-Za-z0-9])';
const alnum = '[A-Za-z0-9]';
const urlSafe = '[A-Za-z0-9_-]';
const hex = '[0-9a-f]';
const anyHex = '[0-9a-fA-F]';

/**
 * `min` or more of `chars`, written as "exactly min, then any number": V8 runs a plain `x*` without a backtracking
 * stack, where `x{24,}` pushes one entry per character and overflows it on a run of a few million.
 */
const atLeast = (chars: string, min: number): string => `${chars}{${min}}${chars}*`;
/** A token that starts a word. */
const token = (body: string): RegExp => new RegExp(`${start}${body}`, 'g');

/**
 * Patterns by kind, applied in this order (a private key block first, so nothing inside it is taken for another
 * kind; provider tokens before the values of secret names, so "GITHUB_TOKEN=ghp_…" says github-token). Text in a
 * `pre` or `post` group stays; the rest of the match, and a `lead` group matched behind it, is the secret. Every pattern runs in linear time: a quantifier
 * that can run long is never followed by something that can fail after it from many starting points.
 */
const secretPatterns: Readonly<Record<SecretKind, readonly RegExp[]>> = {
  'private-key': [
    // A block cut off before its END line (a truncated log) is redacted to the end of the text.
    /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|$)/g,
    // A PuTTY key file, from its first line to its MAC.
    /PuTTY-User-Key-File-\d{1,3}:[\s\S]*?(?:Private-MAC:[^\n]*|$)/g,
    // An age identity.
    token('AGE-SECRET-KEY-1[0-9A-Z]{58}'),
  ],
  // ghp_ (classic), gho_ (OAuth), ghu_ (user-to-server), ghs_ (server-to-server), ghr_ (refresh), github_pat_ (fine-grained).
  'github-token': [token(`gh[pousr]_${atLeast(alnum, 30)}`), token(`github_pat_${atLeast('[A-Za-z0-9_]', 40)}`)],
  // Personal, deploy, runner, pipeline-trigger, feed, incoming-mail, agent, OAuth-application, SCIM, feature-flag and
  // CI-job tokens (a routable one ends in "." and nine more), runner registration tokens and session cookies.
  'gitlab-token': [
    token(`gl(?:pat|dt|rt|ptt|ft|imt|agent|oas|soat|ffct|cbt)-${atLeast(urlSafe, 20)}(?:\\.[0-9a-z]{9})?`),
    token(`GR1348941${atLeast(urlSafe, 20)}`),
    /(?<pre>_gitlab_session=)[0-9a-z]{32}/g,
  ],
  'npm-token': [token(`npm_${atLeast(alnum, 36)}`)],
  // Upload tokens of pypi.org and test.pypi.org (a macaroon whose first bytes name the index).
  'pypi-token': [token(`pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)${atLeast(urlSafe, 50)}`)],
  'anthropic-key': [token(`sk-ant-${atLeast(urlSafe, 20)}`)],
  // sk-… (legacy), sk-proj-…, sk-svcacct-…, sk-admin-…; never an Anthropic key.
  'openai-key': [token(`sk-(?!ant-)${atLeast(urlSafe, 20)}`)],
  // User access tokens (hf_) and organization API tokens (api_org_).
  'huggingface-token': [token(`(?:hf_|api_org_)${alnum}{34}${end}`)],
  'aws-access-key': [/(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g],
  'aws-secret-key': [],
  'azure-key': [
    // A storage account key or shared access key in a connection string ("…;AccountKey=…==;…").
    new RegExp(`(?<pre>${start}(?:AccountKey|SharedAccessKey)[ \\t]*=[ \\t]*)${atLeast('[A-Za-z0-9+/]', 20)}={0,2}`, 'gi'),
    // The signature of a shared access signature URL ("?sv=…&sig=…").
    new RegExp(`(?<pre>[?&;]sig=)${atLeast('[A-Za-z0-9+/%]', 20)}={0,2}`, 'g'),
    // An Entra ID (Azure AD) client secret: three characters, a digit, "Q~", then 31 to 34 more.
    /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
  ],
  'google-api-key': [token(`AIza${urlSafe}{35}`)],
  // OAuth access tokens (ya29.) and OAuth client secrets (GOCSPX-).
  'google-oauth': [token(`ya29\\.${atLeast(urlSafe, 20)}`), token(`GOCSPX-${atLeast(urlSafe, 24)}`)],
  // The host and path kind stay; the rest of the URL (workspace, channel and secret) goes, whatever it is made of.
  'slack-webhook': [/(?<pre>https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)[^\s"'<>)\]]+/g],
  // Bot, user, workspace, refresh, session and configuration tokens (xox…), and app-level tokens (xapp-).
  'slack-token': [token(`xox[abeoprs](?:\\.xox[bp])?-${atLeast('[A-Za-z0-9-]', 10)}`), token(`xapp-\\d-${atLeast('[A-Za-z0-9-]', 10)}`)],
  // Bot tokens (the user id in base64, a time, an HMAC) and webhook URLs (the host, path and id stay).
  'discord-token': [
    token(`[MNO]${urlSafe}{23,25}\\.${urlSafe}{6}\\.${urlSafe}{27,38}(?![A-Za-z0-9_-])`),
    new RegExp(`(?<pre>https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/api/webhooks/\\d{1,20}/)${atLeast(urlSafe, 20)}`, 'g'),
  ],
  // "123456789:AA…" (the bot's id, then 35 characters; 33 in some documentation), alone or in a Bot API address
  // ("/bot123456789:AA…/getMe").
  'telegram-bot-token': [/(?<pre>(?<![A-Za-z0-9:])(?:bot)?)\d{5,16}:A[A-Za-z0-9_-]{32,34}(?![A-Za-z0-9_-])/g],
  // Secret and restricted keys (live, test) and webhook signing secrets.
  'stripe-key': [token(`(?:sk|rk)_(?:live|test|prod)_${atLeast(alnum, 20)}`), token(`whsec_${atLeast('[A-Za-z0-9+/]', 24)}`)],
  // Access tokens (EAAA…, sq0atp-) and application secrets (sq0csp-).
  'square-token': [token(`EAAA${atLeast(urlSafe, 60)}`), token(`sq0(?:atp|csp)-${atLeast(urlSafe, 22)}`)],
  // Admin API, custom app and private app access tokens, and shared secrets.
  'shopify-token': [token(`shp(?:at|ca|pa|ss)_${anyHex}{32}${end}`)],
  'sendgrid-key': [token(`SG\\.${urlSafe}{22}\\.${urlSafe}{43}`)],
  // Private API keys ("key-…") and webhook signing keys; the public "pubkey-…" is no secret.
  'mailgun-key': [token(`key-${hex}{32}${end}`), token(`${hex}{32}-${hex}{8}-${hex}{8}${end}`)],
  'mailchimp-key': [token(`${hex}{32}-us\\d{1,2}${end}`)],
  // API keys (SK…), and an auth token beside its account SID ("AC…:…", "Client('AC…', '…')").
  'twilio-key': [token(`SK${anyHex}{32}${end}`), new RegExp(`(?<pre>${start}AC${hex}{32}["']?[ \\t]*[:,/][ \\t]*["']?)${hex}{32}${end}`, 'g')],
  // Personal access, OAuth and refresh tokens.
  'digitalocean-token': [token(`do[opr]_v1_${hex}{64}${end}`)],
  'databricks-token': [token(`dapi${hex}{32}(?:-\\d)?${end}`)],
  // Personal, service (with their config's name), CLI, service-account, SCIM and audit tokens.
  'doppler-token': [token(`dp\\.(?:pt|st|ct|sa|scim|audit)\\.(?:[a-z0-9_-]{1,40}\\.)?${atLeast(alnum, 40)}`)],
  'linear-key': [token(`lin_api_${atLeast(alnum, 40)}`), token(`lin_oauth_${atLeast(hex, 64)}`)],
  'postman-key': [token(`PMAK-${anyHex}{24}-${anyHex}{34}${end}`)],
  'atlassian-token': [token(`ATATT3${atLeast('[A-Za-z0-9_=-]', 100)}`)],
  'heroku-key': [token(`HRKU-AA${atLeast(urlSafe, 58)}`)],
  // Vault service and batch tokens, and Terraform Cloud API tokens.
  'hashicorp-token': [token(`hv[sb]\\.${atLeast(urlSafe, 90)}`), token(`${alnum}{14}\\.atlasv1\\.${atLeast('[A-Za-z0-9_=-]', 60)}`)],
  // Cloud access policy tokens, service account tokens and API keys.
  'grafana-token': [
    token(`glc_${atLeast('[A-Za-z0-9+/]', 32)}={0,3}`),
    token(`glsa_${alnum}{32}_${anyHex}{8}${end}`),
    token(`eyJrIjoi${atLeast(alnum, 70)}={0,3}`),
  ],
  // User auth tokens and organization tokens.
  'sentry-token': [token(`sntryu_${hex}{64}${end}`), token(`sntrys_eyJ${atLeast('[A-Za-z0-9+/=_]', 40)}`)],
  'pulumi-token': [token(`pul-${hex}{40}${end}`)],
  'rubygems-token': [token(`rubygems_${hex}{48}${end}`)],
  // Service tokens, passwords and OAuth tokens.
  'planetscale-token': [token(`pscale_(?:tkn|pw|oauth)_${atLeast('[A-Za-z0-9_=.-]', 32)}`)],
  // Three base64url parts. The match starts at the first ".", its header (at most 400 characters) looked for behind
  // it: started at each "eyJ", a run of "-eyJ-eyJ…" would be scanned from every one of them.
  jwt: [new RegExp(`(?<=(?<lead>${start}eyJ${urlSafe}{8,400}))\\.${atLeast(urlSafe, 8)}\\.${atLeast(urlSafe, 8)}`, 'g')],
  // Bearer tokens of any shape; at least 20 characters, so prose ("Bearer authentication") stays.
  'bearer-token': [new RegExp(`(?<pre>\\b[Bb]earer[ \\t]+)${atLeast('[A-Za-z0-9._~+/-]', 20)}=*`, 'g')],
  // Found in Cookie and Set-Cookie headers (cookieSpans), not by a pattern.
  'session-cookie': [],
  password: [
    // "scheme://user:password@host" keeps the user and host; "redis://:password@host" has no user.
    /(?<pre>\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@]*:)[^\s@/]+(?<post>@)/gi,
    /(?<pre>\bAuthorization["']?[ \t]*[=:][ \t]*["']?Basic[ \t]+)[A-Za-z0-9+/]+={0,2}/gi,
    // curl's user and password: "curl -u deploy:…", "curl --user=deploy:…".
    /(?<pre>\bcurl\b[^\n]{0,200}?[ \t](?:-u|--user)(?:[ \t]+|=)["']?[^\s:"']{1,100}:)[^\s"']+/g,
  ],
  secret: [],
};

/** Kinds whose values are judged as values (a literal, not code or a placeholder); the others are secret by their shape. */
const namedKinds: ReadonlySet<SecretKind> = new Set(['aws-secret-key', 'password', 'secret']);

// A name that can announce a secret (secretNameKind says whether it does): a run of name characters that ends with
// one of these words. "max_tokens", "keyboard" and "secretary" do not. The run is at most 200 characters and starts
// where a run of name characters starts: unanchored, `[…]*token` would rescan a long run (a base64 blob in a log)
// from every position, which is quadratic.
const nameEnds = String.raw`(?:token|secret|key|pass(?:word|wd|phrase)?|pass[_-]phrase|pwd|credentials?|creds)`;
const secretName = String.raw`(?<![A-Za-z0-9_.-])(?<!\$\{)(?<name>[A-Za-z0-9_.-]{0,200}?${nameEnds})`;
// "NAME=", "NAME: ", "NAME\": ", "NAME => ", "NAME := ", "**NAME:** " (a bold Markdown key). Spaces only, never a line
// break: a name at the end of a line does not take the next line's first word.
const assign = String.raw`["'”’]?[ \t]*(?:=>|:=|=|:(?!:))[ \t]*(?:\*\*|__)?[ \t]*`;
// A value: quoted (the quotes go with it; typographic quotes too, as Markdown's smart punctuation renders "value" as
// “value”), or up to the next space, comma, semicolon, backtick or closing brace or bracket (the end of a JSON object
// or array around it); the ";" of an HTML entity ("&#70;") does not end it. Both are bounded, so a name that turns
// out not to announce a secret costs little to look past; a longer bare value is followed to its end afterwards.
const maxQuoted = 512;
const maxBare = 256;
const quotedValue = String.raw`"[^"\n]{0,${maxQuoted}}"|'[^'\n]{0,${maxQuoted}}'|“[^”\n]{0,${maxQuoted}}”|‘[^’\n]{0,${maxQuoted}}’`;
const bareChar = String.raw`(?:[^\s,;\x60}\]]|;(?<=&#?[A-Za-z0-9]{1,16};))`;
const namedAssignment = new RegExp(String.raw`(?<pre>${secretName}(?<sep>${assign}))(?<value>${quotedValue}|${bareChar}{1,${maxBare}})`, 'gi');
// "NAME": "value" (JSON) keeps its quotes, so the text stays valid JSON; the value may be on the next line.
const namedJson = new RegExp(String.raw`(?<pre>"${secretName}"\s{0,200}:\s{0,200}")(?<value>[^"\\\n]*(?:\\.[^"\\\n]*)*)(?<post>")`, 'gi');
// <password>…</password>, as in Maven's settings.xml.
const namedElement = new RegExp(String.raw`(?<pre><${secretName}>)(?<value>[^<\n]{1,1000})(?<post></)`, 'gi');
// A YAML block or folded value under a secret name: "DEPLOY_TOKEN: |" and the indented lines after it.
const blockValue = new RegExp(
  String.raw`^(?<indent>[ \t]*)(?:[-*][ \t]+)?["']?${secretName}["']?[ \t]*:[ \t]*[|>][+-]?[0-9]?[ \t]*\n(?<body>(?:\k<indent>[ \t]+\S[^\n]*(?:\n|$)|[ \t]*\n)+)`,
  'gim',
);
// A Cookie or Set-Cookie header, to the end of its line or of the string it is in.
const cookieHeader = /(?<![A-Za-z0-9-])(?<set>set-)?cookie["']?[ \t]*:[ \t]*(?<pairs>[^\n\r"'\x60\\]{1,4096})/gi;
// Cookies that hold a session or a login, by name.
const sessionCookieName = /sess|sid|auth|token|jwt|remember|login|csrf|xsrf|identity|__secure-|__host-/i;
// A JSON Web Key's private members; only in a text that has a "kty" member.
const jwkPrivate = new RegExp(`(?<pre>"(?:d|p|q|dp|dq|qi|k)"\\s*:\\s*")${atLeast(urlSafe, 16)}(?<post>")`, 'g');
// Base64 long enough to hide a secret; decoded and searched once (a base64-encoded .env).
const base64Run = new RegExp(`(?<![A-Za-z0-9+/])${atLeast('[A-Za-z0-9+/]', 24)}={0,2}(?![A-Za-z0-9+/=])`, 'g');
/** Something every pattern needs: a token prefix, a secret-like name, an address, an auth scheme or a key format. */
const trigger =
  /(?<![A-Za-z0-9])(?:gh[pousr]_|github_pat_|gl[a-z]{1,5}-|GR1348941|npm_|pypi-|[sr]k[-_]|hf_|api_org_|xox|xapp-|AIza|ya29\.|GOCSPX-|eyJ|SG\.|SK[0-9a-f]|AC[0-9a-f]|shp|do[opr]_|dapi|dp\.|lin_|PMAK-|ATATT|HRKU-|hv[sb]\.|glc_|glsa_|sntry|pul-|rubygems_|pscale_|EAAA|sq0|whsec_|AGE-SECRET-KEY-|key-|_gitlab_session=|[0-9a-f]{32}-|[MNO][A-Za-z0-9_-]{23,25}\.)|AKIA|ASIA|ABIA|ACCA|\d:A|Q~|atlasv1|bearer|basic|:\/\/|token|secret|key|pass|pwd|cred|cookie|private|putty|"kty"|sig=/i;
/** The longest base64 run decoded; a bigger blob is data, not a credential file. */
const maxBase64 = 65_536;
// The rest of a token wrapped at a fixed width: a line of nothing but token characters, with a digit, a capital or
// "+" or "/" among them ("localhost" on the next line is not one).
const wrappedRest = new RegExp(`\\r?\\n[ \\t]*(?=[^\\s]*[0-9A-Z+/])${atLeast('[A-Za-z0-9+/_.-]', 8)}={0,2}(?=[ \\t]*(?:\\r?\\n|$))`, 'y');
/** A value under a secret name that runs over several words ends within this many characters. */
const maxWords = 256;

/** A value left alone: a short number ("token=5"), a JSON literal ("use_token": true), or one already redacted. */
function keepValue(secret: string): boolean {
  if (secret.includes(REDACTED_PREFIX)) return true;
  const number = /^["'“‘]?[+-]?(\d+)(\.\d+)?["'”’]?$/.exec(secret);
  // Six digits or more under a secret name is a PIN or a numeric password ("redis_password: 8675309001").
  if (number) return number[2] !== undefined || number[1]!.length < 6;
  return /^(?:true|false|null)$/.test(secret);
}

// Types, calls, references and placeholders: what code and templates assign to secret names without a secret.
const typeAnnotation =
  /^(?:string|number|boolean|bool|any|unknown|object|str|int|integer|float|bytes|char|text|varchar|uuid|secretstr|secretstring|secret|optional|option|none|null|undefined|nil|required)(?:\[[^\]]*\]|<[^>]*>|\(\d*\))?[;:,)>\]?|!={]*$/i;
// A call or index ("z.string().min(8)", "os.environ['X']", "std::env::var(", "querySelector<T>(") or a member path
// ("config.auth.token", "std::env", TypeScript's "result.apiKey!").
const expression = /^[A-Za-z_$][\w$]*(?:(?:\??\.|::)[A-Za-z_$][\w$]*)*\s*[([<]|^[A-Za-z_$][\w$]*(?:(?:\??\.|::)[A-Za-z_$][\w$]*)+!?[;,)]*$/;
// Letters of both cases and digits, 16 or more, with nothing else: what generated keys look like, whatever the name.
const generated = new RegExp(`^(?=[^A-Z]*[A-Z])(?=[^a-z]*[a-z])(?=[^0-9]*[0-9])${atLeast('[A-Za-z0-9+/=_-]', 16)}$`);
// Types of other languages: references and pointers ("&str", "*string", "&[u8]"), and names of two or more words
// ("SecretString", "Uint8Array"); one capitalised word with digits ("Summer2024") is a password.
const otherType = /^(?:[&*]+(?:mut\s+)?[[A-Za-z_][^\s;:,)>\]?|!={]*|\[\]\w+|[A-Z][a-z]{2,}\d*(?:[A-Z][a-z]{2,}\d*)+)[;:,)>\]?|!={]*$/;
// Words of code and configuration that stand where a value would: keywords, permissions, modes.
const codeWords = new Set([
  'await',
  'async',
  'new',
  'function',
  'fn',
  'lambda',
  'yield',
  'typeof',
  'return',
  'const',
  'let',
  'var',
  'self',
  'this',
  'read',
  'write',
  'admin',
  'inherit',
  'default',
  'auto',
  'true',
  'false',
]);
const camelCase = /^[a-z]+(?:[A-Z][a-z]+)+[;,)]*$/;
// An address without credentials ("proxy: https://proxy.internal:3128"); one with them is found by its shape.
const plainUrl = /^[a-z][a-z0-9+.-]{0,30}:\/\/[^\s@]*$/i;
// A path to a file that holds the secret ("/run/secrets/db_password", "~/.ssh/id_ed25519", "keys/sa.json"), not the secret.
const filePath = /^(?:~|\.{1,2})?\/[\w.@-]+(?:\/[\w.@-]*)*$|^[\w.-]+(?:\/[\w.@-]+)+\.[A-Za-z]{2,5}$/;

/** Base64 that decodes to "user:password" (an HTTP Basic credential), as its password; null for anything else. */
function basicPassword(value: string): string | null {
  if (!/^[A-Za-z0-9+/]{8,200}={0,2}$/.test(value)) return null;
  let decoded: string;
  try {
    decoded = atob(value.length % 4 === 0 ? value : value + '='.repeat(4 - (value.length % 4)));
  } catch {
    return null;
  }
  return /^[\x21-\x39\x3b-\x7e]{1,64}:[\x20-\x7e]*$/.test(decoded) ? decoded.slice(decoded.indexOf(':') + 1) : null;
}

/**
 * Whether a value assigned to a secret name is a secret: a literal, not code or a template. Type annotations
 * ("password: string"), calls ("z.string()"), identifiers ("consentToken"), paths to a secret file and whatever
 * evidence.ts takes for an example (placeholders, references, truncated tokens, values too short to be a secret) are
 * not; nor is a Basic credential whose password is not one ("dXNlcjpwYXNz", "user:pass"). `after`, the text that
 * follows the value, tells prose ("the refresh token: it lives in a cookie") from an assignment.
 */
function isSecretLiteral(raw: string, after = '', { firstWord = false } = {}): boolean {
  // Code under a secret name is short; a long value is data.
  if (raw.length > 1024) return true;
  const quoted = /^["'“‘]/.test(raw);
  const text = raw.replace(/^["'“‘]|["'”’]$/g, '').trim();
  // Brackets around it belong to the code it sits in: "(await", "api_key)".
  const bare = text.replace(/^[([]+|[;,)\]}]+$/g, '');
  // The first word of several may be short ("db_password: ox staple battery horse").
  const example = (evidence: Evidence | null) => evidence !== null && !(firstWord && (evidence === 'too-short' || evidence === 'low-entropy'));
  if (!/[A-Za-z0-9]/.test(text) || example(valueEvidence(text)) || example(valueEvidence(bare))) return false;
  const password = basicPassword(bare);
  if (password !== null) return isSecretLiteral(password);
  // A value that is itself the name of a secret ("refresh_token", api_key=api_key) names one; it does not hold one.
  if (/^[A-Za-z_][\w.-]*$/.test(bare) && secretNameKind(bare) !== null) return false;
  // A generated part makes a dotted value a token, not a member path ("MTA5ODc2NTQzMjEwOTg3NjU0.Gh7Kq2.Xw4").
  if (generated.test(bare) || (bare.includes('.') && bare.split('.').some((part) => generated.test(part)))) return true;
  if (filePath.test(bare) || plainUrl.test(bare)) return false;
  if (quoted) return true;
  // One lower-case word with more words after it is prose: "the refresh token: it lives in a cookie".
  if (/^[a-z]+[,.;:]?$/.test(text) && /^[ \t]+[a-z(]/.test(after)) return false;
  return !(codeWords.has(bare) || typeAnnotation.test(text) || otherType.test(text) || expression.test(bare) || camelCase.test(bare));
}

// Words that make a run of words prose rather than a passphrase: "the token: it lives in a cookie".
const proseWords = new Set(
  'a an the and or but nor not no is are was were be been being am it its this that these those there here to of in on at by for from with without within into onto as if when while then than so via per must should shall will would can could may might do does did has have had we you they he she i our your their his her my me us them who which what where how why all any each every some only also just after before until since because about over under between through see use used using e.g. i.e. etc'.split(
    ' ',
  ),
);

/**
 * Where the value of a secret name that starts at [from, to) of `text` ends, and whether it reads as prose instead. A
 * value given after a space in a key of its own line ("db_password: correct horse battery staple") or under a name
 * that is an identifier ("…; DB_PASSWORD: PRBhook staple battery horse") runs over its words to the end of the line,
 * a delimiter (",", ";", "&", a quote, a bracket), a comment ("#", "//") or a word that makes it prose ("and", "the").
 */
function valueExtent(text: string, from: number, to: number, multiWord: boolean): { end: number; prose: boolean } {
  const first = text.slice(from, to);
  const lowerWord = /^[a-z]+[,.;:]?$/.test(first);
  if (!multiWord) return { end: to, prose: lowerWord && /^[ \t]+[a-z(]/.test(text.slice(to, to + 3)) };
  if (lowerWord && proseWords.has(first.replace(/[,.;:]$/, ''))) return { end: to, prose: true };
  let end = to;
  while (end - from < maxWords) {
    let next = end;
    while ((text[next] === ' ' || text[next] === '\t') && next - from < maxWords) next += 1;
    if (next === end) break;
    let stop = next;
    while (stop < text.length && stop - from < maxWords && !/[\s,;&"'`“”‘’)\]}<>|\\]/.test(text[stop]!)) stop += 1;
    const word = text.slice(next, stop);
    // A comment, a dash, an opening bracket, a marker or the next field ("host=db1", "user:") ends the value.
    if (word === '' || /^(?:#|\/\/|--|[-—–→=([{])/.test(word) || /=|:$/.test(word)) break;
    if (proseWords.has(word.toLowerCase().replace(/[.!?]$/, ''))) return { end, prose: lowerWord };
    end = stop;
  }
  return { end, prose: false };
}

/** Whether a name is an identifier (DB_PASSWORD, db.password, dbPassword, PASSWORD), not a word of prose ("password"). */
const isIdentifier = (name: string): boolean => /[_.\-\d]|[a-z][A-Z]/.test(name) || /^[A-Z]{2,}$/.test(name);

/** Whether the text before `at` on its line is only indentation, a list marker, a bold opener, a quote or "export". */
function startsItsLine(text: string, at: number): boolean {
  let lineStart = at;
  while (lineStart > 0 && at - lineStart < 64 && text[lineStart - 1] !== '\n') lineStart -= 1;
  if (lineStart > 0 && text[lineStart - 1] !== '\n') return false;
  return /^[ \t]*(?:(?:[-*+>]|\d{1,3}[.)])[ \t]+)?(?:\*\*|__)?["'“‘]?(?:export[ \t]+|set[ \t]+)?$/i.test(text.slice(lineStart, at));
}

interface Span {
  start: number;
  end: number;
  kind: SecretKind;
}

/**
 * `spans` (in order, none overlapping) with each of `found` (in order) that overlaps none of them and none taken
 * before it: the earlier pattern wins. Linear in both, so many secrets in one text cost no more than they should.
 */
function mergeSpans(spans: Span[], found: readonly Span[]): Span[] {
  if (found.length === 0) return spans;
  const merged: Span[] = [];
  let index = 0;
  for (const span of found) {
    if (span.end <= span.start) continue;
    while (index < spans.length && spans[index]!.end <= span.start) merged.push(spans[index++]!);
    const last = merged.at(-1);
    if ((index < spans.length && spans[index]!.start < span.end) || (last !== undefined && last.end > span.start)) continue;
    merged.push(span);
  }
  while (index < spans.length) merged.push(spans[index++]!);
  return merged;
}

/**
 * `found`, wrapped tokens from the joined view, less those that take the place of a token found on its first line
 * alone (its shape was already long enough there): that token, in `spans`, is made as long as the wrapped one when
 * what the next line adds is a whole run of it that looks like the rest of a token (a digit, a capital, "+" or "/"),
 * not a word of prose or the start of a timestamp.
 */
function longerTokens(spans: Span[], found: readonly Span[], text: string): Span[] {
  const rest: Span[] = [];
  let index = 0;
  for (const span of found) {
    while (index < spans.length && spans[index]!.end <= span.start) index += 1;
    const cut = spans[index];
    if (cut && cut.start === span.start && cut.kind === span.kind && cut.end < span.end) {
      const next = spans[index + 1];
      // The rest is a whole run of the next line ("2025" of "2025-10-25T10:00:00Z" is not the rest of a token).
      const whole = !/[A-Za-z0-9_+/=.-]/.test(text[span.end] ?? '');
      if (whole && (next === undefined || next.start >= span.end) && /[0-9A-Z+/]/.test(text.slice(cut.end, span.end).replace(/\s+/g, ''))) cut.end = span.end;
    } else {
      rest.push(span);
    }
  }
  return rest;
}

/** Matches of one shape pattern in a view, as spans of the original text; `accept` can turn a match down. */
function shapeSpans(view: TextView, pattern: RegExp, kind: SecretKind, accept: (start: number, end: number) => boolean = () => true): Span[] {
  const found: Span[] = [];
  for (const match of view.text.matchAll(pattern)) {
    const pre = match.groups?.pre ?? '';
    const post = match.groups?.post ?? '';
    // A `lead` group, matched behind the match, is part of the secret.
    const from = match.index + pre.length - (match.groups?.lead?.length ?? 0);
    const to = match.index + match[0].length - post.length;
    const secret = view.text.slice(from, to);
    if (to <= from || keepValue(secret) || !accept(from, to)) continue;
    if (namedKinds.has(kind) ? !isSecretLiteral(secret.trim()) : tokenEvidence(secret) !== null) continue;
    found.push({ start: originOf(view, from), end: originOf(view, to), kind });
  }
  return found;
}

/**
 * Values of secret names in a view ("DB_PASSWORD=…", "api_key: …", `"token": "…"`, `<password>…</password>`), as
 * spans of the original text, each of the kind its name announces.
 */
function namedSpans(view: TextView, spans: Span[]): Span[] {
  const text = view.text;
  let result = spans;
  for (const pattern of [namedJson, namedElement]) {
    const found: Span[] = [];
    for (const match of text.matchAll(pattern)) {
      const kind = secretNameKind(match.groups!.name!);
      const from = match.index + match.groups!.pre!.length;
      const value = match.groups!.value!;
      if (kind === null || value.trim() === '' || keepValue(value.trim()) || !isSecretLiteral(value.trim())) continue;
      found.push({ start: originOf(view, from), end: originOf(view, from + value.length), kind });
    }
    result = mergeSpans(result, found);
  }
  const found: Span[] = [];
  namedAssignment.lastIndex = 0;
  for (let match = namedAssignment.exec(text); match !== null; match = namedAssignment.exec(text)) {
    const { name, sep, pre, value } = match.groups as { name: string; sep: string; pre: string; value: string };
    const from = match.index + pre.length;
    let to = from + value.length;
    const kind = secretNameKind(name);
    let taken = false;
    // An angle-bracket placeholder runs over its spaces and quotes ("<from Google Cloud Console>"); nothing in it is
    // looked at again.
    anglePlaceholder.lastIndex = from;
    const angle = value.startsWith('<') ? anglePlaceholder.exec(text) : null;
    if (angle !== null) {
      namedAssignment.lastIndex = anglePlaceholder.lastIndex;
      continue;
    }
    if (kind !== null && !keepValue(value)) {
      const quoted = /^(?:"[^]*"|'[^]*'|“[^]*”|‘[^]*’)$/.test(value) && value.length > 1;
      if (quoted) {
        taken = isSecretLiteral(value);
      } else {
        // A bare value longer than the pattern takes is followed to its end here.
        if (value.length === maxBare) while (to < text.length && /[^\s,;`}\]]/.test(text[to]!)) to += 1;
        const multiWord = /[ \t]$/.test(sep) && (startsItsLine(text, match.index) || isIdentifier(name));
        const extent = valueExtent(text, from, to, multiWord);
        const whole = text.slice(from, extent.end);
        // The first word is looked at for code ("process.env.X || 'dev'"); a short one can start a passphrase.
        const first = text.slice(from, to);
        taken = !extent.prose && isSecretLiteral(whole) && isSecretLiteral(first, '', { firstWord: whole !== first });
        // A token cut by a line break goes on over the lines that hold nothing but the rest of it.
        if (taken && extent.end === to && /^[A-Za-z0-9+/_.-]{8}[A-Za-z0-9+/_.-]*$/.test(whole)) {
          for (let lines = 0; lines < 32; lines += 1) {
            wrappedRest.lastIndex = to;
            const rest = wrappedRest.exec(text);
            if (rest === null || /^\s*[A-Z][A-Z0-9_]*=+$/.test(rest[0])) break;
            to = wrappedRest.lastIndex;
          }
        } else if (taken) {
          to = extent.end;
        }
      }
    }
    if (taken) {
      found.push({ start: originOf(view, from), end: originOf(view, to), kind: kind! });
      namedAssignment.lastIndex = to;
    } else {
      // The value may hold a name of its own ("key=x&password=…"): it is looked at again.
      namedAssignment.lastIndex = from;
    }
  }
  return mergeSpans(result, found);
}

/** Session values in Cookie and Set-Cookie headers: every cookie of a Cookie header, the first of a Set-Cookie one. */
function cookieSpans(view: TextView): Span[] {
  const found: Span[] = [];
  for (const match of view.text.matchAll(cookieHeader)) {
    const pairs = match.groups!.pairs!;
    const offset = match.index + match[0].length - pairs.length;
    for (const pair of pairs.matchAll(/(?<=^|;)[ \t]*(?<name>[^=;\s]{1,100})=(?<value>[^;]*)/g)) {
      const value = pair.groups!.value!.trimEnd();
      const from = offset + pair.index + pair[0].length - pair.groups!.value!.length;
      const secret =
        value.length >= 8 &&
        !keepValue(value) &&
        isSecretLiteral(value) &&
        (sessionCookieName.test(pair.groups!.name!) || generated.test(value) || /^[A-Za-z0-9%._~+/=-]{24,}$/.test(value));
      if (secret) found.push({ start: originOf(view, from), end: originOf(view, from + value.length), kind: 'session-cookie' });
      if (match.groups!.set !== undefined) break;
    }
  }
  return found;
}

/** Texts longer than this are searched a window at a time, so no pattern ever runs over more than a window. */
const windowSize = 1 << 20;
/** How far each window reaches back into the one before: a secret shorter than this lies whole in one of them. */
const windowOverlap = 1 << 16;
const restOfRun = /\S*/y;

/**
 * Every secret in `text`, as non-overlapping spans in order. A long text is searched in overlapping windows, and the
 * secrets found in them united: the time stays linear and every pattern's backtracking stack small, whatever the
 * input (an 8 MB base64 screenshot in one hook message).
 */
function findSecrets(text: string, depth = 0): Span[] {
  if (text.length <= windowSize) return findInWindow(text, depth);
  const found: Span[] = [];
  for (let from = 0; ; ) {
    let to = Math.min(text.length, from + windowSize);
    // A window ends at a line end where there is one near its end.
    if (to < text.length) {
      const lineEnd = text.lastIndexOf('\n', to - 1);
      if (lineEnd >= to - windowOverlap) to = lineEnd + 1;
    }
    for (const span of findInWindow(text.slice(from, to), depth)) {
      // A secret cut off by the window's end (a 10 MB value in one line) goes on to the end of its run.
      let end = span.end + from;
      if (end === to && to < text.length && text[to - 1] !== '\n') {
        restOfRun.lastIndex = to;
        restOfRun.test(text);
        end = restOfRun.lastIndex;
      }
      found.push({ start: span.start + from, end, kind: span.kind });
    }
    if (to >= text.length) break;
    // The next one starts a little before this one ends, at a line start where there is one.
    const overlapStart = to - windowOverlap;
    const lineStart = text.slice(overlapStart, to).indexOf('\n');
    from = lineStart === -1 ? overlapStart : overlapStart + lineStart + 1;
  }
  // A secret in two windows was found twice, perhaps with different ends: the two are one span.
  const united: Span[] = [];
  for (const span of found.toSorted((a, b) => a.start - b.start || b.end - a.end)) {
    const last = united.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else united.push({ ...span });
  }
  return united;
}

/**
 * Every secret in a text of at most one window, as non-overlapping spans in order. The patterns run on the decoded
 * view (URL and backslash escapes undone, invisible characters dropped), token shapes also on the joined view (a
 * token wrapped over lines), then the structured cases: values of secret names (and their lines wrapped), cookies,
 * block values under secret names, JSON Web Keys, base64 that decodes to secrets.
 */
function findInWindow(text: string, depth: number): Span[] {
  let spans: Span[] = [];
  const decoded = decodedView(text);
  // Most texts name no secret and hold no token prefix: one scan settles them.
  const named = trigger.test(decoded.text);
  if (named) {
    for (const kind of secretKinds) for (const pattern of secretPatterns[kind]) spans = mergeSpans(spans, shapeSpans(decoded, pattern, kind));
    // Tokens wrapped over lines before the values of secret names: the first line's value must not take the token's
    // place and leave its second half.
    const joined = joinedView(decoded);
    if (joined) {
      const crossesJoin = (from: number, to: number) => {
        // The first join after `from` (the joins are in order), then whether it is before `to`.
        let low = 0;
        let high = joined.joins.length;
        while (low < high) {
          const middle = (low + high) >> 1;
          if (joined.joins[middle]! <= from) low = middle + 1;
          else high = middle;
        }
        if (low >= joined.joins.length || joined.joins[low]! >= to) return false;
        // A masked token ("ghp_xxxx…") at the end of a line goes on with nothing on the next.
        return tokenEvidence(joined.view.text.slice(from, joined.joins[low])) === null;
      };
      for (const kind of secretKinds) {
        if (namedKinds.has(kind)) continue;
        for (const pattern of secretPatterns[kind]) spans = mergeSpans(spans, longerTokens(spans, shapeSpans(joined.view, pattern, kind, crossesJoin), text));
      }
    }
    spans = namedSpans(decoded, spans);
    spans = mergeSpans(spans, cookieSpans(decoded));
    const blocks: Span[] = [];
    for (const match of decoded.text.matchAll(blockValue)) {
      const kind = secretNameKind(match.groups!.name!);
      const body = match.groups!.body!;
      const lead = body.length - body.trimStart().length;
      const from = match.index + match[0].length - body.length + lead;
      const to = match.index + match[0].length - (body.length - body.trimEnd().length);
      if (kind && to > from && isSecretLiteral(decoded.text.slice(from, to).trim()))
        blocks.push({ start: originOf(decoded, from), end: originOf(decoded, to), kind });
    }
    spans = mergeSpans(spans, blocks);
    if (/"kty"\s*:/.test(decoded.text)) {
      const keys: Span[] = [];
      for (const match of decoded.text.matchAll(jwkPrivate)) {
        const from = match.index + match.groups!.pre!.length;
        keys.push({ start: originOf(decoded, from), end: originOf(decoded, match.index + match[0].length - 1), kind: 'private-key' });
      }
      spans = mergeSpans(spans, keys);
    }
  }
  if (depth === 0) {
    const encoded: Span[] = [];
    for (const match of decoded.text.matchAll(base64Run)) {
      if (match[0].length > maxBase64) continue;
      const inner = decodeBase64Text(match[0]);
      const found = inner === null ? [] : findSecrets(inner, 1);
      if (found.length > 0)
        encoded.push({ start: originOf(decoded, match.index), end: originOf(decoded, match.index + match[0].length), kind: found[0]!.kind });
    }
    spans = mergeSpans(spans, encoded);
  }
  return spans;
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

// Words before "key" that make it a secret ("SECRET_KEY", "encryptionKey", "signing-key"); "primary_key",
// "cache_key" and "sort_key" name none.
const secretKeyName =
  /(?:secret|encryption|encrypt|signing|sign|master|private|api|access|app|auth|session|hmac|jwt|license|licence|crypto|cipher|aes|kms|storage|account|shared|webhook|deploy|root|admin|service|client|consumer|sdk)[_.-]?key$/i;
// An environment variable ending in _KEY names a secret ("STRIPE_KEY", "OPENAI_KEY") unless its word before says it
// is public or a key of data.
const envKeyName = /^[A-Z][A-Z0-9_]*_KEY$/;
// Passes that are not passwords: nginx's proxy_pass, a renderer's or a compiler's passes, tickets.
const notPassword = /(?:proxy|first|second|third|last|next|single|multi|two|one|render|shadow|depth|compile|boarding|season|hall)[_.-]?pass$/i;
const dataKeyName =
  /(?:^|_)(?:PUBLIC|PUBLISHABLE|PUB|PRIMARY|FOREIGN|PARTITION|SORT|CACHE|ROUTING|IDEMPOTENCY|OBJECT|LOOKUP|HASH|ROW|SHARD|DEDUPE?|UNIQUE|COMPOSITE|MAP|ANON|SITE|INDEX|QUEUE|TOPIC|STREAM|LOCK|S3|PREFIX|SEARCH)_KEY$/;

/**
 * The kind of secret a name announces, or null: "aws_secret_access_key", "DB_PASSWORD", "DB_PASS", "MYSQL_PWD",
 * "deploy_token", "apiKey", "SECRET_KEY", "ENCRYPTION_KEY", "GCP_CREDENTIALS", "phase7/deploy/api_token" (the last
 * segment of a memory key counts). Such a name makes its whole value secret, whatever the value looks like: "hunter2"
 * under "db_password" has no shape to spot.
 */
function secretNameKind(name: string): SecretKind | null {
  const last = name.split(/[/:]/).at(-1) ?? name;
  if (/aws_secret_access_key$/i.test(last)) return 'aws-secret-key';
  if (/(?:password|passwd|passphrase|pass[_-]phrase)$/i.test(last)) return 'password';
  // "pass" alone or after a separator ("DB_PASS"), "pwd" after one ("MYSQL_PWD"; PWD alone is the working folder).
  if ((/^pass$|[_.-](?:pass|pwd)$/i.test(last) || /[a-z0-9](?:Pass|Pwd)$/.test(last)) && !notPassword.test(last)) return 'password';
  if (/(?:token|secret)$/i.test(last) || secretKeyName.test(last) || (envKeyName.test(last) && !dataKeyName.test(last))) return 'secret';
  if (/[_.-](?:credentials?|creds)$/i.test(last) || /[a-z0-9](?:Credentials?|Creds)$/.test(last)) return 'secret';
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
  return {
    report: { ...report, path: redact(report.path), skippedReasons, warnings: report.warnings.map(redact), readWith: report.readWith.map(redact) },
    counts: addCounts(...found),
  };
}

/**
 * `value` with every string in it redacted, object keys included, at any depth (arrays, plain objects, Maps).
 * Numbers, booleans and null are returned as they are; the input is not changed. For whole models built from
 * authored text, where listing every printed field by hand would miss the next one added.
 */
export function redactStrings<T>(value: T): T {
  return walk(value) as T;
}

/**
 * Strings redacted last, by their text. A model repeats its strings, and frozen versions repeat the phases of the
 * versions before them, so most strings of a site were redacted before; the table is emptied when it is full.
 */
const redactedBefore = new Map<string, string>();
const REDACTED_BEFORE_LIMIT = 200_000;

function redactTextOnce(text: string): string {
  const known = redactedBefore.get(text);
  if (known !== undefined) return known;
  const redacted = redactText(text);
  if (redactedBefore.size >= REDACTED_BEFORE_LIMIT) redactedBefore.clear();
  redactedBefore.set(text, redacted);
  return redacted;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return redactTextOnce(value);
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
  return Object.entries(addCounts(counts))
    .map(([kind, n]) => `${n} × ${kind}`)
    .join(', ');
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
