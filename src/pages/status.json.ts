import type { APIRoute } from 'astro';
import { getPhases } from '../lib/phase-models.ts';
import { buildStatusJson } from '../core/views/status-json.ts';
import { newestVersion } from '../lib/versions.ts';

/** dist/status.json: the machine-readable contract (DESIGN.md). */
export const GET: APIRoute = async () => {
  const phases = await getPhases();
  return new Response(`${JSON.stringify(buildStatusJson(phases, await newestVersion()), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
