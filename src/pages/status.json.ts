import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildStatusJson } from '../core/views/status-json.ts';
import { newestVersion } from '../lib/versions.ts';

/** dist/status.json: the machine-readable contract (DESIGN.md). */
export const GET: APIRoute = async () => {
  const phases = (await getCollection('phases')).map((entry) => entry.data);
  return new Response(`${JSON.stringify(buildStatusJson(phases, await newestVersion()), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
