/**
 * A repository-wide hook store (claude-flow keeps one `.swarm/memory.db` for the whole repository) read once and
 * shared out: each task event goes to the one phase whose tasks it matches, by the same rules as a phase's own logs
 * (match.ts: task ids carry the phase, "task-7.3-…", "Task 7.3", memory keys "phase7/code_quality/…"). What matches
 * no phase, or more than one, stays on the site's data-quality page with the reason; so do events about the run as a
 * whole (sessions, metrics, commands).
 */
import { redactEventCounting, redactSourceReport } from '../redact/redact.ts';
import { toEventLine, type HookEvent, type SharedHooks, type SharedSource, type Task } from '../schema/model.ts';
import type { ImportResult } from '../schema/package-files.ts';
import { matchEvents, taskEventKinds } from './match.ts';
import { chronological } from './status.ts';

/** Task events that went to no phase, listed on the site's data-quality page (the newest of them). */
const UNPLACED_SHOWN = 50;

interface PhaseTaskKeys {
  id: string;
  tasks: readonly Pick<Task, 'id' | 'slug' | 'title' | 'memoryKeys' | 'phaseId'>[];
}

interface SharedDistribution {
  /** Per phase id: one import per shared log that has events of the phase, counting only those. */
  byPhase: Map<string, ImportResult[]>;
  /** The site-level report of every shared log. */
  shared: SharedHooks;
}

/** Shares the events of `imports` (repository-wide logs) out to `phases`. */
export function distributeSharedEvents(phases: readonly PhaseTaskKeys[], imports: readonly ImportResult[]): SharedDistribution {
  const byPhase = new Map<string, ImportResult[]>();
  const sources: SharedSource[] = [];
  const unplaced: { event: HookEvent; reason: string }[] = [];
  for (const { report, events } of imports) {
    // Every phase's matching over the log's events: an event goes where exactly one phase claims it.
    const claims = new Map<string, string[]>();
    for (const phase of phases) {
      for (const id of matchEvents(phase.tasks, events).byEvent.keys()) {
        const owners = claims.get(id);
        if (owners) owners.push(phase.id);
        else claims.set(id, [phase.id]);
      }
    }
    const perPhase = new Map<string, HookEvent[]>();
    let unmatched = 0;
    let ambiguous = 0;
    let siteWide = 0;
    for (const event of events) {
      if (!taskEventKinds.has(event.kind)) {
        siteWide += 1;
        continue;
      }
      const owners = claims.get(event.id) ?? [];
      if (owners.length === 1) {
        const own = perPhase.get(owners[0]!);
        if (own) own.push(event);
        else perPhase.set(owners[0]!, [event]);
      } else if (owners.length === 0) {
        unmatched += 1;
        unplaced.push({ event, reason: 'matches no task of any phase' });
      } else {
        ambiguous += 1;
        unplaced.push({ event, reason: `matches tasks in ${owners.length} phases (${owners.join(', ')}), so none is given it` });
      }
    }
    for (const [phaseId, own] of perPhase) {
      const times = own
        .map((event) => event.time)
        .filter((time): time is string => time !== null)
        .toSorted();
      // Records, imported and skipped stay the whole log's (with why each was skipped): one count for one file, on the
      // phase's panel, in the terminal, on /data-quality/ and in status.json. The phase's share is its events; the
      // log's warnings are said once, on /data-quality/.
      const slice: ImportResult = {
        events: own,
        report: { ...report, newest: times.at(-1) ?? null, warnings: [], redactions: {}, shared: true, phaseEvents: own.length },
      };
      byPhase.set(phaseId, [...(byPhase.get(phaseId) ?? []), slice]);
    }
    // A log's name can hold a secret as well as its records can ("logs/export-ghp_….ndjson"); so can its warnings.
    const { report: shown, counts } = redactSourceReport(report);
    sources.push({
      ...shown,
      redactions: counts,
      shared: true,
      phases: Object.fromEntries([...perPhase.keys()].toSorted().map((phaseId) => [phaseId, perPhase.get(phaseId)!.length])),
      unmatched,
      ambiguous,
      siteWide,
    });
  }
  const newest = chronological(unplaced.map(({ event }) => event))
    .toReversed()
    .slice(0, UNPLACED_SHOWN);
  const reasons = new Map(unplaced.map(({ event, reason }) => [event.id, reason]));
  return {
    byPhase,
    shared: {
      sources,
      unplaced: newest.map((event) => ({
        ...toEventLine({ ...redactEventCounting(event).event, taskId: null, matchedBy: null }),
        reason: reasons.get(event.id)!,
      })),
      warnings: sources.flatMap((source) => source.warnings),
    },
  };
}
