/**
 * Evidence that a value standing where a secret would stand is an example, not a secret. Task specs and their code
 * are full of them: `GOOGLE_CLIENT_SECRET=<from Google Cloud Console>`, `OPENAI_API_KEY=sk-...`, a JWT cut short
 * (`eyJhbGciOiJIUzI1NiIs...`), `password: 'password123'` in a test, `POSTGRES_PASSWORD: postgres` in a compose file,
 * AWS's documentation keys. Each rule is here once and names its evidence; redact.ts asks `valueEvidence` about a
 * value under a secret name (or a URL's password) and `tokenEvidence` about one found by its shape.
 */

/** Why a value is taken for an example. */
export type Evidence =
  | 'placeholder'
  | 'angle-brackets'
  | 'reference'
  | 'format-specifier'
  | 'command'
  | 'key-armor'
  | 'jwt-header'
  | 'masked'
  | 'ellipsis'
  | 'documentation-example'
  | 'low-entropy'
  | 'too-short'
  | 'placeholder-words';

// Placeholders written out: "<token>", "{{token}}", "{token}", "[token]", "xxxx", "****", "...", "changeme",
// "changeme-in-production", "your-secret-key", "my_token", "api-key-here".
const placeholder =
  /^(?:<[^>]*>|\{\{[^}]*\}\}|\{[A-Za-z_]+\}|\[[A-Za-z0-9 _-]+\]?|x+|\*+|\.+|-+|_+|(?:change[-_]?me|replace[-_]?me)(?:[-_ ].*)?|placeholder|redacted|secret|password|passw0rd|token|api[-_]?key|none|null|nil|empty|todo|tbd|n\/a|example|sample|dummy|test|foo|bar|\.\.\..*|….*|(?:your|my|the|an?|example|sample|dummy|fake|test|placeholder|insert|enter|paste|put)[-_ ].*|.*[-_](?:here|example|placeholder|goes[-_]here))$/i;

/** An angle-bracket placeholder that may hold spaces and quotes: `<from Google Cloud Console>`, `<run: openssl rand -hex 32>`. */
export const anglePlaceholder = /<[^<>\n]{1,512}>/y;

// References to where the value lives: environment and template variables ("$TOKEN", "${API_KEY}",
// "${{ secrets.X }}", "$(openssl rand -hex 32)", "%TOKEN%", "!vault"), and code that reads them.
const reference =
  /^(?:![A-Za-z]|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\{\{|\$\(|%[A-Za-z_][A-Za-z0-9_]*%|(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|Deno\.env|System\.getenv|ENV\[|env\(|secrets\.|vars\.))/;

// printf and format placeholders: "%s", "%(name)s", "{}", "{0}".
const formatSpecifier = /^(?:%[-+ #0]*\d*(?:\.\d+)?[sdifxXoeEgGqvp]|%\(\w+\)[sd]|\{\d*\})\W*$/;

// A command that prints a new secret, quoted where the secret will go: "node -e \"console.log(require('crypto')…",
// "python -c \"import secrets; …\"", "openssl rand -hex 32".
const command = /^(?:node\s+-(?:e|p)|python3?\s+-c|ruby\s+-e|php\s+-r|openssl\s+rand|npx\s+auth\s+secret|head\s+-c|uuidgen|pwgen)(?:\s|$)/;

// The armor line of a key block ("-----BEGIN PRIVATE KEY-----"): the block is judged as a whole by its shape, never
// by the name it is assigned to.
const keyArmor = /^-----BEGIN(?: |$)/;

// A token's prefix followed by "x", "*" or an ellipsis, with at most its last four characters shown as a dashboard
// shows them: "ghp_xxxxxxxx", "sk-XXXX", "SG.xxxx.xxxx", "sk-...", "sk_test_...", "sk-ant-…", "sk-...wxyz".
// AWS and Google prefixes take no separator: "AKIAXXXXXXXXXXXXXXXX".
const maskedToken =
  /^(?:(?:[A-Za-z0-9]+[_.:-])+?(?:(?:x+|X+|\*+)(?:[_.-](?:x+|X+|\*+))*|(?:\.{2,}|…)[A-Za-z0-9]{0,4})|(?:AKIA|ASIA|ABIA|ACCA|AIza)(?:x+|X+|\*+))$/;

// A JWT's header alone, or cut short by an ellipsis after its header or payload: a header is public
// ("eyJhbGciOiJIUzI1NiIs..." is `{"alg":"HS256",`), and a token without its signature authenticates nothing. A
// header and payload with no ellipsis may be a token wrapped over lines, and are not evidence.
const jwtWithoutSignature = /^(eyJ[A-Za-z0-9_-]{4,})(?:(?:\.eyJ[A-Za-z0-9_-]*)?(?:\.{2,}|…))?$/;
const joseHeader = /^\{\s*"(?:alg|typ|kid|cty|enc|zip|jku|jwk|x5u|x5c|x5t|crit)"/;

// A private key block with no key in it: empty, or words where the key would be ("...add your private key here...").
// A body with a run of 16 base64 characters is a key, however short.
const keyBlock = /^-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?<body>[^]*?)(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----)?$/;

// A prefix, then words where the token would be, starting with "your" or "my" or ending with "here": "xoxb-your-bot-token",
// "sk-your-openai-api-key-here", "sk_test_your_stripe_secret_key". Words of letters only: a generated part has digits.
const wordsForToken = /^(?:[A-Za-z0-9]+[_.-])+?(?:(?:your|my)(?:[_-][A-Za-z]+)*|[A-Za-z]+(?:[_-][A-Za-z]+)*[_-](?:here|placeholder|example))$/i;

// AWS's documentation keys ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") and others made the
// same way: no generated key spells EXAMPLE.
const documentationExample = /EXAMPLE/;

/** A value under a secret name made of fewer different characters than this is filler: "000000", "abababab". */
const minDistinct = 3;

/** A value under a secret name shorter than this holds no secret: "apiKey: key", "**Token:** JWT" (as a PIN of fewer than six digits does not). */
const minSecretLength = 6;

// Words that stand in for a secret, or describe one, in examples and test code; run together or with digits after
// them they still do ("password123", "Test@1234", "sk-test-123", "supersecret", "YOUR_POSTGRES_PASSWORD",
// "abc123"). The service defaults (postgres, root, guest, minioadmin) are in every image's documentation. Describing words say
// what a secret is made of: "Password: bcrypt, cost 12", "Secret: HMAC-SHA256", "Token: short-lived".
const placeholderWords =
  'password passwd pass pwd secret test testing example sample dummy fake demo dev local changeme admin user guest postgres mysql redis mongo minio root key token api sk pk foo bar baz abc xyz default super my your new app db';
const describingWords =
  'jwt jws jwe opaque random bcrypt argon argon2id scrypt pbkdf hmac sha hs rs es ps uuid uuidv base base64url hex hashed encrypted signed short long lived rotated required optional bearer string bytes';
const wordPart = new RegExp(`^(?:(?:${[...placeholderWords.split(' '), ...describingWords.split(' ')].join('|')})+\\d*|\\d+)$`, 'i');
const maxWordsValue = 40;

/** Whether every word of `value` (split at anything but letters and digits) is a placeholder or describing word. */
function onlyPlaceholderWords(value: string): boolean {
  if (value.length > maxWordsValue || !/[A-Za-z]/.test(value)) return false;
  const parts = value.split(/[^A-Za-z0-9]+/).filter((part) => part !== '');
  return parts.length > 0 && parts.every((part) => wordPart.test(part));
}

/** Whether the value is a JWT header (with or without its payload) and no signature. */
function isJwtWithoutSignature(value: string): boolean {
  const match = jwtWithoutSignature.exec(value);
  if (match === null) return false;
  const header = match[1]!.slice(0, match[1]!.length - (match[1]!.length % 4));
  try {
    return joseHeader.test(atob(header.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return false;
  }
}

/**
 * Evidence that a token found by its shape is an example: masked ("ghp_xxxx…", "sk-..."), a JWT without its
 * signature, or a documentation key. A token's shape is evidence enough otherwise, however regular its characters.
 */
export function tokenEvidence(token: string): Evidence | null {
  if (token.length > 512) return null;
  if (isJwtWithoutSignature(token)) return 'jwt-header';
  if (maskedToken.test(token)) return 'masked';
  if (wordsForToken.test(token)) return 'placeholder';
  const block = keyBlock.exec(token);
  if (block !== null && !/[A-Za-z0-9+/=]{16}/.test(block.groups!.body!)) return 'placeholder';
  if (documentationExample.test(token)) return 'documentation-example';
  return null;
}

/**
 * Evidence that a value (its quotes taken off) under a secret name is an example: a written-out placeholder, angle
 * brackets, a variable reference, a format specifier, a command that makes a secret, a key block's armor line, a
 * masked or truncated token, fewer than three different characters, fewer than six characters, or nothing but
 * placeholder and describing words and digits. Null when there is none: the value is judged as a literal.
 */
export function valueEvidence(value: string): Evidence | null {
  if (value.length > 1024) return null;
  if (placeholder.test(value)) return /^</.test(value) ? 'angle-brackets' : /^(?:\.{3}|…)/.test(value) ? 'ellipsis' : 'placeholder';
  if (reference.test(value)) return 'reference';
  if (formatSpecifier.test(value)) return 'format-specifier';
  if (command.test(value)) return 'command';
  if (keyArmor.test(value)) return 'key-armor';
  const token = tokenEvidence(value);
  if (token !== null) return token;
  if (new Set(value).size < minDistinct) return 'low-entropy';
  if (value.length < minSecretLength) return 'too-short';
  if (onlyPlaceholderWords(value)) return 'placeholder-words';
  return null;
}
