/** What redaction leaves of a secret, for the redaction tests: the marker naming its kind (docs/hook-logs.md). */
import { redactNamedValueCounting, type secretKinds } from '../../../src/core/redact/redact.ts';

export type SecretKind = (typeof secretKinds)[number];

/** "[redacted: github-token]": the marker in place of a secret of `kind`. */
export const mark = (kind: SecretKind): string => `[redacted: ${kind}]`;

/** The kind of secret a name announces: what a value with no shape of its own is redacted as under it, or null. */
export function nameKind(name: string): SecretKind | null {
  const { text, counts } = redactNamedValueCounting(name, 'hunter2');
  const [kind, ...others] = Object.keys(counts) as SecretKind[];
  if (others.length > 0 || (kind === undefined) !== (text === 'hunter2')) throw new Error(`unexpected redaction of a value under ${name}: ${text}`);
  return kind ?? null;
}
