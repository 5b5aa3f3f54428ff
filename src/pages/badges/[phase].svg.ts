import type { APIRoute } from 'astro';
import type { Phase } from '../../core/schema/model.ts';
import { renderStatusBadge } from '../../core/views/badge.ts';

export { phasePaths as getStaticPaths } from '../../lib/phase-paths.ts';

/** /badges/<phase>.svg: the phase's health (or status) and progress, for READMEs and wikis. */
export const GET: APIRoute = ({ props }) => {
  const { phase } = props as { phase: Phase };
  return new Response(renderStatusBadge(phase.id, phase.status, phase.progress, phase.health?.state ?? null), { headers: { 'Content-Type': 'image/svg+xml' } });
};
