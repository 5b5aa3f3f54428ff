/**
 * `npm run audit`: runs the bad-input corpus (test/fixtures/bad-input/cases.ts, the list the tests use) through
 * Cairn's own entry points and prints what came of it. Exit 1 when a case crashed (threw), gave no message at all, or
 * gave a message that names no file, sits before 1:1 or shows a JavaScript artefact, or a hook log whose records do
 * not add up; or when a seeded secret survives redaction, or redaction changes a line of a file that holds none.
 */
import { badInputCases, classify, outcomeFaults, type BadInputCase, type Expected, type InputKind } from '../test/fixtures/bad-input/cases.ts';
import { auditRedaction } from '../test/fixtures/secrets/corpus.ts';

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
  const line = (cells: readonly (string | number)[]) => `| ${cells.map((cell, column) => (typeof cell === 'number' ? String(cell).padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
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
console.log(`\nRedaction: seeded secrets in every encoding (test/fixtures/secrets/corpus.ts) and task and spec files that hold none (test/fixtures/secrets/clean/)\n`);
console.log(
  table(
    ['check', 'count'],
    [
      ['seeded secrets (kind × encoding)', redaction.seeded],
      ['found and redacted', redaction.seeded - redaction.missed.length],
      ['recall, %', Math.round(((redaction.seeded - redaction.missed.length) / redaction.seeded) * 1000) / 10],
      ['clean task and spec files', redaction.cleanFiles],
      ['false positives (lines changed)', redaction.falsePositives.length],
    ],
  ),
);

const details = [
  ...redaction.missed.map((one) => `missed   ${one.kind} / ${one.encoding}`),
  ...redaction.falsePositives.map((line) => `false+   ${line}`),
  ...crashes.map((result) => `crash    ${result.case.name}: ${result.crash}`),
  ...silent.map((result) => `silent   ${result.case.name}: ${result.case.input}`),
  ...faulty.flatMap((result) => result.faults.map((fault) => `unclear  ${result.case.name}: ${fault}`)),
  ...differing.map((result) => `differs  ${result.case.name}: expected ${result.case.expected}, got ${result.got}`),
];
if (details.length > 0) console.log(`\n${details.join('\n')}`);
if (crashes.length > 0 || silent.length > 0 || faulty.length > 0 || redaction.missed.length > 0 || redaction.falsePositives.length > 0) process.exitCode = 1;
