/**
 * Success criteria judged from the data: "All tasks complete" by the tasks, a criterion that names a metric by that
 * metric's verdict, a checkbox by its mark (only when nothing else can judge it). A ticked box the data does not
 * bear out says so.
 */
import type { ChecklistItem, Metric, Phase, Verdict } from '../schema/model.ts';
import { allTasksComplete, completeCount } from './completion.ts';

/** What a criterion's verdict rests on. */
type CriterionBasis = 'metric' | 'tasks' | 'checkbox' | 'none';

export interface CriterionVerdict {
  text: string;
  /** The checkbox as written; null for a plain bullet. */
  checked: boolean | null;
  /** The author marked it done: a ticked box, or a ✅ (or ✔, ☑) before the text. A claim, weighed against the verdict. */
  claimed: boolean;
  verdict: Verdict;
  reason: string;
  basis: CriterionBasis;
  /** Keys of the metrics the criterion was linked to (basis "metric"). */
  metricKeys: string[];
}

/** Every success criterion of the phase, judged. */
export function judgeCriteria(phase: Phase): CriterionVerdict[] {
  const complete = allTasksComplete(phase.tasks);
  return phase.successCriteria.map((item) => judgeCriterion(item, phase, complete));
}

/** Words that mean the same in criteria and metric labels ("93/93 env vars" ↔ "Env Variables"), after stemming. */
const synonyms: Record<string, string> = {
  var: 'variable',
  env: 'environment',
  config: 'configuration',
};

/** Plural to singular, crudely but the same way on both sides: "warnings" → "warning", "vars" → "var". */
const stem = (word: string) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

/** Lower-case words of a text, punctuation dropped, stemmed and mapped through the synonyms. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => {
      const stemmed = stem(word);
      return synonyms[stemmed] ?? stemmed;
    });
}

/**
 * Metrics with a target whose label words all occur in the text. Words in parentheses ("Build Time (clean)")
 * narrow the match: when some candidates' qualifiers occur too, only those are kept.
 */
function linkCriterionToMetrics(text: string, metrics: readonly Metric[]): Metric[] {
  const words = new Set(wordsOf(text));
  const candidates = metrics.filter((metric) => {
    if (metric.target === null) return false;
    const main = wordsOf(metric.label.replace(/\([^)]*\)/g, ' '));
    return main.length > 0 && main.every((word) => words.has(word));
  });
  const qualified = candidates.filter((metric) => {
    const qualifier = wordsOf((metric.label.match(/\(([^)]*)\)/g) ?? []).join(' '));
    return qualifier.length > 0 && qualifier.every((word) => words.has(word));
  });
  return qualified.length > 0 ? qualified : candidates;
}

/** A combined verdict is as weak as its weakest part: one missed makes it missed; one unknown can never be met. */
const verdictRank: Record<Verdict, number> = { missed: 0, unknown: 1, pending: 2, met: 3 };

const allTasksPattern = /\ball\s+(?:(\d+)\s+)?tasks?\s+(?:are\s+)?(?:delivered|complete|completed|done|finished)\b/i;

function judgeCriterion(item: ChecklistItem, phase: Phase, complete: boolean): CriterionVerdict {
  const base = { text: item.text, checked: item.checked, claimed: isClaimed(item), metricKeys: [] as string[] };
  // A ticked box the data does not bear out is the hand-written report's failure mode: say so first.
  const withNote = (verdict: Verdict, reason: string) =>
    item.checked === true && verdict !== 'met' ? `Checked in the package; the data says ${verdict}. ${reason}` : reason;

  const allTasks = allTasksPattern.exec(item.text);
  if (allTasks) {
    const total = phase.tasks.length;
    const done = completeCount(phase.tasks);
    const named = allTasks[1] === undefined ? null : Number(allTasks[1]);
    const counted = `${done} of ${total} ${total === 1 ? 'task is' : 'tasks are'} complete.`;
    const verdict: Verdict = named !== null && named !== total ? 'unknown' : complete ? 'met' : 'pending';
    const reason = verdict === 'unknown' ? `The criterion names ${named} tasks; the package has ${total}, and ${counted}` : counted;
    return { ...base, basis: 'tasks', verdict, reason: withNote(verdict, reason) };
  }

  const linked = linkCriterionToMetrics(item.text, phase.metrics);
  if (linked.length > 0) {
    const verdict = linked.map((metric) => metric.verdict).toSorted((a, b) => verdictRank[a] - verdictRank[b])[0]!;
    const reason = linked.map((metric) => `${metric.label}: ${metric.reason}`).join(' ');
    return { ...base, basis: 'metric', metricKeys: linked.map((metric) => metric.key), verdict, reason: withNote(verdict, reason) };
  }

  if (item.checked === true) return { ...base, basis: 'checkbox', verdict: 'met', reason: 'Checked in the package.' };
  if (item.checked === false) {
    return complete
      ? { ...base, basis: 'checkbox', verdict: 'missed', reason: 'Not checked in the package, and every task is complete.' }
      : { ...base, basis: 'checkbox', verdict: 'pending', reason: 'Not checked yet; the phase is still open.' };
  }
  return { ...base, basis: 'none', verdict: 'unknown', reason: 'A plain bullet: no checkbox or metric to judge it by.' };
}

/** A ticked box, or a done mark before the text ("✅ All tests passing"): the author says it is met. */
function isClaimed(item: Pick<ChecklistItem, 'text' | 'checked'>): boolean {
  return item.checked === true || /^\s*(?:✅|✔️?|☑️?|\[x\])/iu.test(item.text);
}
