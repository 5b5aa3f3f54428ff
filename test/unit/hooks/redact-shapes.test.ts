/**
 * One test per shape of secret: a secret of that shape, in a line of text, is replaced by the marker naming its kind,
 * and text that only looks like one (a prefix in prose, a placeholder, a key without a value) stays as it was. The
 * secrets are obviously fake and assembled at run time, so that secret scanners have nothing to flag in this file.
 */
import { describe, expect, test } from 'vitest';
import { redactText, redactTextCounting } from '../../../src/core/redact/redact.ts';
import { mark, nameKind, type SecretKind } from './redacted.ts';

/** `length` characters cycled from `alphabet`: the random part of a fake token. */
const fill = (alphabet: string, length: number): string => Array.from({ length }, (_, at) => alphabet[(at * 7 + 3) % alphabet.length]).join('');
const alnum = 'aB3cD4eF5gH6iJ7kL8mN9pQ2rS';
const hex = '0123456789abcdef';
const b64 = 'Qw3+Er4/Ty5Ui6Op7As8Df9Gh';

const shapes: [string, string, SecretKind][] = [
  ['GitLab personal access token (glpat-)', 'gl' + 'pat-' + fill(alnum, 20), 'gitlab-token'],
  ['GitLab routable personal access token', 'gl' + 'pat-' + fill(alnum, 32) + '.01' + fill('0123456789abcdefghij', 7), 'gitlab-token'],
  ['GitLab deploy token (gldt-)', 'gl' + 'dt-' + fill(alnum, 20), 'gitlab-token'],
  ['GitLab runner token (glrt-)', 'gl' + 'rt-' + fill(alnum, 20), 'gitlab-token'],
  ['GitLab pipeline trigger token (glptt-)', 'gl' + 'ptt-' + fill(hex, 40), 'gitlab-token'],
  ['GitLab feed token (glft-)', 'gl' + 'ft-' + fill(alnum, 20), 'gitlab-token'],
  ['GitLab OAuth application secret (gloas-)', 'gl' + 'oas-' + fill(alnum, 64), 'gitlab-token'],
  ['GitLab CI job token (glcbt-)', 'gl' + 'cbt-' + '64_' + fill(alnum, 20), 'gitlab-token'],
  ['GitLab runner registration token (GR1348941)', 'GR134' + '8941' + fill(alnum, 20), 'gitlab-token'],
  ['PyPI upload token', 'pypi' + '-AgEIcHlwaS5vcmc' + fill(alnum, 70), 'pypi-token'],
  ['TestPyPI upload token', 'pypi' + '-AgENdGVzdC5weXBpLm9yZw' + fill(alnum, 70), 'pypi-token'],
  ['Hugging Face access token (hf_)', 'hf' + '_' + fill('aBcDeFgHiJkLmNoPqRsTuVwXyZ', 34), 'huggingface-token'],
  ['Hugging Face organization token (api_org_)', 'api' + '_org_' + fill('aBcDeFgHiJkLmNoPqRsTuVwXyZ', 34), 'huggingface-token'],
  ['AWS access key id (ABIA)', 'AB' + 'IA' + fill('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16), 'aws-access-key'],
  ['Google OAuth access token (ya29.)', 'ya' + '29.' + fill(alnum + '_-', 80), 'google-oauth'],
  ['Google OAuth client secret (GOCSPX-)', 'GOC' + 'SPX-' + fill(alnum, 28), 'google-oauth'],
  ['Slack app-level token (xapp-)', 'xa' + 'pp-1-' + 'A0123BCDE45-' + '1234567890123-' + fill(hex, 64), 'slack-token'],
  ['Slack configuration token (xoxe.xoxp-)', 'xo' + 'xe.xoxp-1-' + fill(alnum, 160), 'slack-token'],
  ['Slack bot token (xoxb-)', 'xo' + 'xb-' + '1234567890123-1234567890123-' + fill(alnum, 24), 'slack-token'],
  ['Discord bot token', 'M' + fill(alnum, 23) + '.' + fill(alnum, 6) + '.' + fill(alnum + '_-', 38), 'discord-token'],
  ['Telegram bot token', '1234' + '56789:' + 'AA' + fill(alnum + '_-', 33), 'telegram-bot-token'],
  ['Stripe live secret key', 'sk' + '_live_' + fill(alnum, 24), 'stripe-key'],
  ['Stripe test secret key', 'sk' + '_test_' + fill(alnum, 24), 'stripe-key'],
  ['Stripe restricted key', 'rk' + '_live_' + fill(alnum, 24), 'stripe-key'],
  ['Stripe webhook signing secret (whsec_)', 'wh' + 'sec_' + fill(alnum, 32), 'stripe-key'],
  ['Square access token (EAAA)', 'EA' + 'AA' + fill(alnum + '-', 60), 'square-token'],
  ['Square OAuth access token (sq0atp-)', 'sq0' + 'atp-' + fill(alnum, 22), 'square-token'],
  ['Square application secret (sq0csp-)', 'sq0' + 'csp-' + fill(alnum, 43), 'square-token'],
  ['Shopify access token (shpat_)', 'sh' + 'pat_' + fill(hex, 32), 'shopify-token'],
  ['Shopify shared secret (shpss_)', 'sh' + 'pss_' + fill(hex, 32), 'shopify-token'],
  ['SendGrid API key (SG.)', 'SG' + '.' + fill(alnum, 22) + '.' + fill(alnum + '_-', 43), 'sendgrid-key'],
  ['Mailgun private API key (key-)', 'ke' + 'y-' + fill(hex, 32), 'mailgun-key'],
  ['Mailgun signing key', fill(hex, 32) + '-' + fill(hex, 8) + '-' + fill(hex, 8), 'mailgun-key'],
  ['Mailchimp API key', fill(hex, 32) + '-us' + '21', 'mailchimp-key'],
  ['Twilio API key (SK)', 'S' + 'K' + fill(hex, 32), 'twilio-key'],
  ['DigitalOcean personal access token (dop_v1_)', 'do' + 'p_v1_' + fill(hex, 64), 'digitalocean-token'],
  ['DigitalOcean OAuth token (doo_v1_)', 'do' + 'o_v1_' + fill(hex, 64), 'digitalocean-token'],
  ['Databricks token (dapi)', 'da' + 'pi' + fill(hex, 32), 'databricks-token'],
  ['Doppler personal token (dp.pt.)', 'dp' + '.pt.' + fill(alnum, 43), 'doppler-token'],
  ['Doppler service token (dp.st.)', 'dp' + '.st.' + 'prd.' + fill(alnum, 40), 'doppler-token'],
  ['Linear API key (lin_api_)', 'lin' + '_api_' + fill(alnum, 40), 'linear-key'],
  ['Postman API key (PMAK-)', 'PM' + 'AK-' + fill(hex, 24) + '-' + fill(hex, 34), 'postman-key'],
  ['Atlassian API token (ATATT3)', 'ATA' + 'TT3' + fill(alnum + '_-', 186), 'atlassian-token'],
  ['Heroku API key (HRKU-AA)', 'HR' + 'KU-AA' + fill(alnum, 58), 'heroku-key'],
  ['Vault service token (hvs.)', 'hv' + 's.' + fill(alnum + '_-', 95), 'hashicorp-token'],
  ['Terraform Cloud API token (atlasv1)', fill(alnum, 14) + '.atlas' + 'v1.' + fill(alnum, 65), 'hashicorp-token'],
  ['Grafana cloud token (glc_)', 'gl' + 'c_' + fill(alnum, 48) + '==', 'grafana-token'],
  ['Grafana service account token (glsa_)', 'gl' + 'sa_' + fill(alnum, 32) + '_' + fill(hex, 8), 'grafana-token'],
  ['Sentry user token (sntryu_)', 'sntr' + 'yu_' + fill(hex, 64), 'sentry-token'],
  ['Pulumi access token (pul-)', 'pu' + 'l-' + fill(hex, 40), 'pulumi-token'],
  ['RubyGems API key (rubygems_)', 'ruby' + 'gems_' + fill(hex, 48), 'rubygems-token'],
  ['PlanetScale service token (pscale_tkn_)', 'pscale' + '_tkn_' + fill(alnum, 43), 'planetscale-token'],
  ['age identity', 'AGE-SECRET' + '-KEY-1' + fill('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58), 'private-key'],
  ['OpenAI service account key (sk-svcacct-)', 'sk' + '-svcacct-' + fill(alnum, 40), 'openai-key'],
];

describe('redactText: every provider shape, bare in a line, becomes the marker of its kind', () => {
  test.each(shapes)('%s', (_name, secret, kind) => {
    expect(redactTextCounting(`deploy step 4 used ${secret} and failed`)).toEqual({
      text: `deploy step 4 used ${mark(kind)} and failed`,
      counts: { [kind]: 1 },
    });
  });

  test.each(shapes)('%s, glued to a name by "_" or "-", in quotes and after "="', (_name, secret, kind) => {
    expect(redactText(`"${secret}"`)).toBe(`"${mark(kind)}"`);
    expect(redactText(`CI_VALUE=${secret};`)).toBe(`CI_VALUE=${mark(kind)};`);
  });
});

describe('redactText: secrets that their context makes one', () => {
  const accountKey = fill(b64, 86) + '==';
  test.each<[string, string, string]>([
    [
      'an Azure storage connection string (AccountKey=)',
      `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${accountKey};EndpointSuffix=core.windows.net`,
      `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${mark('azure-key')};EndpointSuffix=core.windows.net`,
    ],
    [
      'an Azure Service Bus connection string (SharedAccessKey=)',
      `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${fill(b64, 43)}=`,
      `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${mark('azure-key')}`,
    ],
    [
      'an Azure shared access signature (sig=)',
      `https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sp=r&sig=${fill(alnum, 40)}%2B${fill(alnum, 3)}%3D`,
      `https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sp=r&sig=${mark('azure-key')}`,
    ],
    ['an Entra ID client secret (…Q~…)', `client secret ${'abC' + '8Q~' + fill(alnum + '_~.-', 34)} set`, `client secret ${mark('azure-key')} set`],
    [
      'a Google service account key (private_key with \\n escapes)',
      `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${fill(b64, 64)}\\n-----END PRIVATE KEY-----\\n", "client_email": "ci@p.iam.gserviceaccount.com"}`,
      `{"type": "service_account", "private_key": "${mark('private-key')}\\n", "client_email": "ci@p.iam.gserviceaccount.com"}`,
    ],
    [
      'a Discord webhook URL: host, path and id stay',
      `post to https://discord.com/api/webhooks/123456789012345678/${fill(alnum + '_-', 68)} now`,
      `post to https://discord.com/api/webhooks/123456789012345678/${mark('discord-token')} now`,
    ],
    [
      'a Telegram Bot API address: "bot" stays',
      `GET https://api.telegram.org/bot123456789:AA${fill(alnum, 33)}/getMe`,
      `GET https://api.telegram.org/bot${mark('telegram-bot-token')}/getMe`,
    ],
    [
      'a Twilio auth token beside its account SID',
      `client = Client("AC${fill(hex, 32)}", "${fill(hex, 32)}")`,
      `client = Client("AC${fill(hex, 32)}", "${mark('twilio-key')}")`,
    ],
    ['a GitLab session cookie', `_gitlab_session=${fill('0123456789abcdefghijklmnopqrstuv', 32)}`, `_gitlab_session=${mark('gitlab-token')}`],
    [
      'a session cookie in a Cookie header; other cookies stay',
      `Cookie: session=${fill(alnum, 24)}; theme=dark`,
      `Cookie: session=${mark('session-cookie')}; theme=dark`,
    ],
    [
      'every session cookie of a Cookie header',
      `curl -H "Cookie: sid=${fill(alnum, 20)}; _csrf=${fill(alnum, 16)}" https://app`,
      `curl -H "Cookie: sid=${mark('session-cookie')}; _csrf=${mark('session-cookie')}" https://app`,
    ],
    [
      'a Set-Cookie header: the cookie, not its attributes',
      `Set-Cookie: connect.sid=s%3A${fill(alnum, 32)}; Path=/; HttpOnly`,
      `Set-Cookie: connect.sid=${mark('session-cookie')}; Path=/; HttpOnly`,
    ],
    ['a generated value in any cookie', `cookie: prefs=${fill(alnum, 32)}`, `cookie: prefs=${mark('session-cookie')}`],
    ['curl -u user:password', `curl -u deploy:${fill(alnum, 16)} https://ci.example.com/api`, `curl -u deploy:${mark('password')} https://ci.example.com/api`],
  ])('%s', (_name, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });
});

describe('redactText: values of names that announce a secret, in =, :, JSON and YAML forms', () => {
  const value = 's3cr3t-' + fill(alnum, 12);
  const names: [string, SecretKind][] = [
    ['SECRET_KEY', 'secret'],
    ['ENCRYPTION_KEY', 'secret'],
    ['signing_key', 'secret'],
    ['masterKey', 'secret'],
    ['STRIPE_KEY', 'secret'],
    ['APP_SECRET', 'secret'],
    ['DEPLOY_TOKEN', 'secret'],
    ['GCP_CREDENTIALS', 'secret'],
    ['db_creds', 'secret'],
    ['DB_PASS', 'password'],
    ['smtp-pass', 'password'],
    ['dbPass', 'password'],
    ['MYSQL_PWD', 'password'],
    ['LDAP_PASSWD', 'password'],
    ['DB_PASSWORD', 'password'],
    ['aws_secret_access_key', 'aws-secret-key'],
  ];
  const forms: [string, (name: string) => string, (name: string, marker: string) => string][] = [
    ['NAME=value', (name) => `${name}=${value}`, (name, marker) => `${name}=${marker}`],
    ['NAME: value', (name) => `${name}: ${value}`, (name, marker) => `${name}: ${marker}`],
    ['"NAME": "value"', (name) => `{"${name}": "${value}"}`, (name, marker) => `{"${name}": "${marker}"}`],
    ['YAML, indented', (name) => `env:\n  ${name}: '${value}'\n  REGION: eu`, (name, marker) => `env:\n  ${name}: ${marker}\n  REGION: eu`],
    ["PHP and Ruby's =>", (name) => `'${name}' => '${value}',`, (name, marker) => `'${name}' => ${marker},`],
    ["Go's :=", (name) => `${name} := "${value}"`, (name, marker) => `${name} := ${marker}`],
    ['an XML element', (name) => `<${name}>${value}</${name}>`, (name, marker) => `<${name}>${marker}</${name}>`],
  ];
  test.each(names.flatMap(([name, kind]) => forms.map(([form, make, expected]) => [`${name} (${form})`, make(name), expected(name, mark(kind))])))(
    '%s',
    (_name, text, expected) => {
      expect(redactText(text)).toBe(expected);
    },
  );

  test.each<[string, SecretKind | null]>([
    ['SECRET_KEY', 'secret'],
    ['DB_PASS', 'password'],
    ['GOOGLE_APPLICATION_CREDENTIALS', 'secret'],
    ['primary_key', null],
    ['partition_key', null],
    ['PUBLIC_KEY', null],
    ['STRIPE_PUBLISHABLE_KEY', null],
    ['cache_key', null],
    ['monkey', null],
    ['key', null],
    ['bypass', null],
    ['proxy_pass', null],
    ['first_pass', null],
    ['PWD', null],
    ['credentials', null],
  ])('a value under %j is redacted as %j', (name, kind) => {
    expect(nameKind(name)).toBe(kind);
  });
});

describe('redactText: a passphrase of several words goes whole, and the prose after it stays', () => {
  test.each<[string, string, string]>([
    ['after other text in a hook message', 'deploy failed; db_password: PRBhook staple battery horse', `deploy failed; db_password: ${mark('password')}`],
    [
      'in a JSON string',
      '{"message": "db_password: PRBhook staple battery horse", "level": "warn"}',
      `{"message": "db_password: ${mark('password')}", "level": "warn"}`,
    ],
    ['on a line of its own, all lower case', 'ssh_passphrase: correct horse battery staple\nhost: a', `ssh_passphrase: ${mark('password')}\nhost: a`],
    ['after other text, all lower case', 'step 3 done. DB_PASSWORD: correct horse battery staple', `step 3 done. DB_PASSWORD: ${mark('password')}`],
    ['up to a comma', 'db_password: PRBhook staple battery horse, then restart', `db_password: ${mark('password')}, then restart`],
    ['up to a comment', 'db_password: PRBhook staple battery horse # rotated monthly', `db_password: ${mark('password')} # rotated monthly`],
    ['up to a word of prose', 'DB_PASSWORD: Hunter2x and restart the service', `DB_PASSWORD: ${mark('password')} and restart the service`],
    ['up to the next field', 'db_password: PRBhook staple horse host=db1 port=5432', `db_password: ${mark('password')} host=db1 port=5432`],
    ['in a bold Markdown key', '- **DB_PASSWORD:** PRBhook staple battery horse', `- **DB_PASSWORD:** ${mark('password')}`],
    ['in a .env line', 'API_SECRET = Tr0ub4dor and more words', `API_SECRET = ${mark('secret')} and more words`],
    ['a tight NAME=value ends at the space', 'login with PASSWORD=hunter2x then retry', `login with PASSWORD=${mark('password')} then retry`],
    ['a plain word in prose takes one word', 'the password: hunter2x is wrong', `the password: ${mark('password')} is wrong`],
  ])('%s', (_name, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });
});

describe('redactText: text that only looks like a secret stays', () => {
  test.each([
    ['"SG." in prose', 'See SG.1 section and SG.2.3 for the rules.'],
    ['"hf_" inside identifiers', 'const half_width = 3; hf_hub_download(repo_id, filename); self.hf_token = token'],
    ['AccountKey in docs, without a value', 'Set AccountKey in the connection string: AccountKey=<storage-account-key>; the AccountKey is rotated yearly.'],
    ['a Cookie header with placeholders', 'Cookie: session=<session-id>\nCookie: session=${SESSION}\nCookie: sid=...'],
    ['harmless cookies', 'Set-Cookie: theme=dark-mode-enabled; Path=/; Max-Age=3600\nCookie: lang=en-US; tz=Europe/Berlin'],
    ['a cookie option object', "cookie: { httpOnly: true, secure: true, sameSite: 'lax' }"],
    [
      'token-shaped placeholders',
      'glpat-xxxxxxxxxxxxxxxxxxxx and SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx and hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
    [
      'keys of data, not secrets',
      'primary_key: true\npartition_key: "tenant_id"\ncache_key = f"user:{id}"\nsort_key: created_at\nPUBLIC_KEY=ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 ci@example\nSTRIPE_PUBLISHABLE_KEY=pk_live_placeholder',
    ],
    ['names that end like secrets', 'monkey: banana\nkeyboard: true\nbypass: true\nproxy_pass: http://backend:8080\nfirst_pass: done\ncompass: north'],
    [
      'paths and addresses of secrets',
      'GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/google/key.json\nDB_PASSWORD_FILE: /run/secrets/db_password\nSECRET_KEY=/etc/app/secret.key\nVAULT_TOKEN: https://vault.internal/v1/auth',
    ],
    [
      'code: types and defaults over several words',
      'password: str = Field(min_length=12)\n  token: string | null;\ndb_password: Optional[str] = None\napi_key: Option<String>,',
    ],
    ['environment references', 'SECRET_KEY=os.environ["SECRET_KEY"]\nENCRYPTION_KEY: ${ENCRYPTION_KEY}\nDB_PASS=process.env.DB_PASS'],
    ['prose after a name', '- api_token: the token used to call the API\ndb_password: it lives in Vault\nThe password: must be at least 12 characters'],
    ['prose about these services', 'Telegram bot 12345:notes; Stripe keys start with sk_live_; GitLab tokens start with glpat-.'],
    ['a short twilio-like id and a SKU', 'SKU-1234 and AC-42 and SK12'],
  ])('%s', (_name, text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('redactText: a secret wrapped over lines goes whole; the next line stays when it is not the rest of it', () => {
  const slack = 'xo' + 'xb-' + '204761938527-' + 'Hq8Jw2Ke5Lr7Mt9Np1Qs3Ru6';
  const ghp = 'gh' + 'p_' + 'Fk7Qz2Lm9Xw4Rt6Yb1Nc8Vd3Hs5Jp0Ga2Ke';
  test.each<[string, string, string]>([
    [
      'a token whose first line already fits its shape',
      `SLACK_BOT_TOKEN=${slack.slice(0, 22)}\n    ${slack.slice(22)}\n`,
      `SLACK_BOT_TOKEN=${mark('slack-token')}\n`,
    ],
    [
      'the value of a secret name, on lines of nothing but the rest of it',
      'aws_secret_access_key=Wj7K2mP9qR4sT6vX\n    1yZ3bN5cD8fG0hJ2kL4m\nregion=eu',
      `aws_secret_access_key=${mark('aws-secret-key')}\nregion=eu`,
    ],
    [
      'a whole token at a line end, a timestamp on the next line',
      `push ${ghp}\n2025-10-25T10:00:00Z next step`,
      `push ${mark('github-token')}\n2025-10-25T10:00:00Z next step`,
    ],
    ['a whole token at a line end, a word on the next line', `push ${ghp}\nconfiguration was fixed`, `push ${mark('github-token')}\nconfiguration was fixed`],
    [
      'a secret value, then an empty assignment on the next line',
      'JWT_SECRET=Xk2Lm7Pq4Rs9Tv1W\nSESSION_SECRET=\nPORT=80',
      `JWT_SECRET=${mark('secret')}\nSESSION_SECRET=\nPORT=80`,
    ],
  ])('%s', (_name, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });
});
