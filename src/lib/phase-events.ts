import { getEntry } from 'astro:content';
import type { PhaseEvents } from '../core/schema.ts';

/** The event lists of a phase (the `phases` entries leave them out). */
export async function getPhaseEvents(phaseId: string): Promise<PhaseEvents> {
  return (await getEntry('phaseEvents', phaseId))?.data ?? { phaseId, events: [], taskEvents: {} };
}
