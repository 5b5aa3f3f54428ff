/**
 * The benchmark's rows, verdicts and table. Every target is an upper bound on one number, so a verdict is a single
 * comparison; a row without a target is context for the others (the floor, M's build) and gets no verdict.
 */

export type Verdict = 'met' | 'missed' | 'not measured' | '—';

export interface Target {
  /** The largest value that meets the target, in the row's unit. */
  max: number;
  /** As the table shows it: "≤ 1.5 × floor". */
  text: string;
}

export interface Row {
  metric: string;
  /** The number the verdict is on, in the row's unit; null when the step did not run. */
  value: number | null;
  unit: string;
  /** As the table shows it, with whatever context helps: "12.3 s (1.42 × floor)". */
  measured: string;
  target: Target | null;
  verdict: Verdict;
}

/** met when the value is at most the target's bound; no target, no verdict. */
export function verdict(value: number | null, target: Target | null): Verdict {
  if (!target) return '—';
  if (value === null || !Number.isFinite(value)) return 'not measured';
  return value <= target.max ? 'met' : 'missed';
}

export function row(metric: string, value: number | null, unit: string, measured: string, target: Target | null = null): Row {
  return { metric, value, unit, measured, target, verdict: verdict(value, target) };
}

/** Decimal units, as browsers and disks count: 1 kB = 1000 bytes. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** 1234567 → "1,234,567", the same on every machine whatever its locale. */
export function formatCount(count: number): string {
  return Math.round(count)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A "|" in a cell would split it; Markdown escapes it as "\|". */
const cell = (text: string): string => text.replaceAll('|', '\\|');

/** A Markdown table with its columns padded to line up, so it reads as well in a terminal as when rendered. */
function markdownTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const lines = [header, ...body].map((cells) => cells.map(cell));
  const widths = header.map((_, column) => Math.max(3, ...lines.map((cells) => (cells[column] ?? '').length)));
  const format = (cells: readonly string[]): string => `| ${widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ')} |`;
  return [format(lines[0]!), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...lines.slice(1).map(format)].join('\n');
}

/** The rows as the benchmark prints them: metric | measured | target | verdict. */
export function resultsTable(rows: readonly Row[]): string {
  return markdownTable(
    ['metric', 'measured', 'target', 'verdict'],
    rows.map((r) => [r.metric, r.measured, r.target?.text ?? '—', r.verdict]),
  );
}
