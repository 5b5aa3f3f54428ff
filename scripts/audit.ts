/**
 * `npm run audit`: runs the bad-input corpus (test/fixtures/bad-input/cases.ts, the list the tests use) through
 * Cairn's own entry points and prints what came of it. Exit 1 when a case crashed (threw), gave no message at all, or
 * gave a message that names no file, sits before 1:1 or shows a JavaScript artefact, or a hook log whose records do
 * not add up; or when a seeded secret survives redaction (in any text, in a config value, in a hook log's name),
 * redaction changes a line of a file that holds none, or throws, or takes time out of proportion to its input.
 */
import { badInputCases, classify, outcomeFaults, type BadInputCase, type Expected, type InputKind } from '../test/fixtures/bad-input/cases.ts';
import { adversarialTexts, auditConfigValues, auditLogNames, auditRedaction } from '../test/fixtures/secrets/corpus.ts';
import { redactText, secretKinds } from '../src/core/redact/redact.ts';

interface Result {
  case: BadInputCase;
  /** The class the outcome shows; "crash" when the entry point threw. */
  got: Expected | 'silent' | 'crash';
  faults: string[];
  crash: string | null;
}

function runOne(one: BadInputCase): Result {
  try {
    const outcome = one.run();
    return { case: one, got: classify(outcome), faults: outcomeFaults(outcome), crash: null };
  } catch (error) {
    const stack = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 3).join(' | ') : String(error);
    return { case: one, got: 'crash', faults: [], crash: stack };
  }
}

const results = badInputCases.map(runOne);
const count = (list: readonly Result[], got: Result['got']) => list.filter((result) => result.got === got).length;
const crashes = results.filter((result) => result.got === 'crash');
const silent = results.filter((result) => result.got === 'silent');
const faulty = results.filter((result) => result.faults.length > 0);
const differing = results.filter((result) => result.got !== 'crash' && result.got !== result.case.expected);

/** A Markdown table with right-aligned numbers. */
function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: readonly (string | number)[]) =>
    `| ${cells.map((cell, column) => (typeof cell === 'number' ? String(cell).padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

const kinds = [...new Set(results.map((result) => result.case.kind))] as InputKind[];
const byKind = kinds.map((kind) => {
  const of = results.filter((result) => result.case.kind === kind);
  return [kind, of.length, count(of, 'error'), count(of, 'warning'), count(of, 'counted-and-skipped'), count(of, 'crash')] as const;
});

console.log(`Bad-input audit: ${results.length} cases through Cairn's own entry points (test/fixtures/bad-input/cases.ts)\n`);
console.log(table(['input kind', 'cases', 'errors', 'warnings', 'counted-and-skipped', 'crashes'], byKind));
console.log();
console.log(
  table(
    ['check', 'cases'],
    [
      ['cases tried', results.length],
      ['clear errors (path:line:col, build stops)', results.filter((result) => result.got === 'error' && result.faults.length === 0).length],
      ['warnings', count(results, 'warning')],
      ['counted-and-skipped', count(results, 'counted-and-skipped')],
      ['crashes (exceptions thrown)', crashes.length],
      ['no message at all', silent.length],
      ['unclear message or unbalanced records', faulty.length],
      ['outcome other than the table expects', differing.length],
    ],
  ),
);

const redaction = auditRedaction();
const configValues = auditConfigValues();
const logNames = auditLogNames();
console.log(
  `\nRedaction: seeded secrets in every encoding (test/fixtures/secrets/corpus.ts) and task and spec files that hold none (test/fixtures/secrets/clean/ and harmless/)\n`,
);
console.log(
  table(
    ['check', 'count'],
    [
      ['kinds of secret (markers)', secretKinds.length],
      ['seeded secrets (kind × encoding)', redaction.seeded],
      ['found and redacted (no 12 characters of one left)', redaction.seeded - redaction.missed.length],
      ['recall, %', Math.round(((redaction.seeded - redaction.missed.length) / redaction.seeded) * 1000) / 10],
      ['real secrets in the shapes of harmless examples (near misses)', redaction.nearMisses],
      ['near misses missed', redaction.nearMissesMissed],
      ['clean task and spec files and harmless files', redaction.cleanFiles],
      ['of those, harmless files (.env, compose, TypeScript, JSON, specs)', redaction.harmlessFiles],
      ['false positives (lines changed, in the file or alone)', redaction.falsePositives.length],
      ['secrets as title, site, base, SITE, BASE (each kind)', configValues.seeded],
      ['secrets surviving in config values (built, or quoted)', configValues.survived.length],
      ['secrets in hook log names (site page, phase panel)', logNames.seeded],
      ['secrets surviving in log names', logNames.survived.length],
    ],
  ),
);

// Time: redaction must be linear, and never throw, whatever a hook message holds.
const timed = (text: string): { ms: number; error: string | null } => {
  const start = performance.now();
  try {
    redactText(text);
    return { ms: performance.now() - start, error: null };
  } catch (error) {
    return { ms: performance.now() - start, error: error instanceof Error ? error.message : String(error) };
  }
};
const mb = 1024 * 1024;
const screenshot = Buffer.from(Array.from({ length: (10 * mb * 3) / 4 }, (_, at) => (at * 7919 + 13) % 256)).toString('base64');
// Task and spec text dense with names, code and placeholders: the clean corpus, repeated to about 1 MB.
const realistic = redaction.cleanText.repeat(Math.ceil(mb / redaction.cleanText.length));
const large: [string, string][] = [
  ['10 MB of base64 (a screenshot in a hook message)', `screenshot: data:image/png;base64,${screenshot}`],
  ['10 MB of "a"', 'a'.repeat(10 * mb)],
  ['a 10 MB value under API_TOKEN=', `API_TOKEN=${'a'.repeat(10 * mb)}`],
  ['task and spec text (the clean corpus, repeated)', realistic],
];
const largeRuns = large.map(([name, text]) => ({ name, size: text.length, ...timed(text) }));
// Adversarial texts: all of them at 100 KB; the ten slowest again at 400 KB, where linear time is 4 times as long.
const small = adversarialTexts(100_000).map(({ name, text }) => ({ name, ...timed(text) }));
const slowest = small
  .filter((run) => run.error === null)
  .toSorted((a, b) => b.ms - a.ms)
  .slice(0, 10);
const bigger = new Map(
  adversarialTexts(400_000)
    .filter(({ name }) => slowest.some((run) => run.name === name))
    .map(({ name, text }) => [name, timed(text)]),
);
const growth = slowest.map((run) => ({ name: run.name, small: run.ms, big: bigger.get(run.name)!.ms, ratio: bigger.get(run.name)!.ms / Math.max(run.ms, 1) }));
// Quadratic time would be 16 times as long; noise at a few milliseconds is not counted.
const superLinear = growth.filter((run) => run.ratio > 8 && run.big > 100);
const thrown = [...largeRuns, ...small, ...bigger.values()].filter((run) => run.error !== null).length;
console.log(`\nRedaction time (one call of redactText; linear time and no exception whatever the input)\n`);
console.log(
  table(
    ['input', 'MB', 'ms', 'MB/s'],
    [
      ...largeRuns.map(
        (run) =>
          [
            run.error === null ? run.name : `${run.name} (threw)`,
            Math.round((run.size / mb) * 10) / 10,
            Math.round(run.ms),
            Math.round(run.size / mb / (run.ms / 1000)),
          ] as const,
      ),
      [
        `slowest of ${small.length} adversarial texts (${slowest[0]?.name ?? '—'})`,
        0.1,
        Math.round(slowest[0]?.ms ?? 0),
        Math.round(0.1 / ((slowest[0]?.ms ?? 1) / 1000)),
      ],
    ],
  ),
);
console.log();
console.log(
  table(
    ['check', 'count'],
    [
      ['adversarial texts (prefix × shape), 100 KB each', small.length],
      ['redaction calls that threw', thrown],
      ['largest growth from 100 KB to 400 KB (linear: 4 ×)', `${Math.round(Math.max(...growth.map((run) => run.ratio)) * 10) / 10} ×`],
      ['super-linear (more than 8 × as long at 4 × the size)', superLinear.length],
    ],
  ),
);

const details = [
  ...redaction.missed.map((one) => `missed   ${one.kind} / ${one.encoding}`),
  ...redaction.falsePositives.map((line) => `false+   ${line}`),
  ...configValues.survived.map((one) => `survived ${one}`),
  ...logNames.survived.map((one) => `survived ${one}`),
  ...[...largeRuns, ...small].filter((run) => run.error !== null).map((run) => `threw    ${run.name}: ${run.error}`),
  ...superLinear.map((run) => `slow     ${run.name}: ${Math.round(run.small)} ms at 100 KB, ${Math.round(run.big)} ms at 400 KB`),
  ...crashes.map((result) => `crash    ${result.case.name}: ${result.crash}`),
  ...silent.map((result) => `silent   ${result.case.name}: ${result.case.input}`),
  ...faulty.flatMap((result) => result.faults.map((fault) => `unclear  ${result.case.name}: ${fault}`)),
  ...differing.map((result) => `differs  ${result.case.name}: expected ${result.case.expected}, got ${result.got}`),
];
if (details.length > 0) console.log(`\n${details.join('\n')}`);
const secretFaults =
  redaction.missed.length + redaction.falsePositives.length + configValues.survived.length + logNames.survived.length + thrown + superLinear.length;
if (crashes.length > 0 || silent.length > 0 || faulty.length > 0 || secretFaults > 0) process.exitCode = 1;
