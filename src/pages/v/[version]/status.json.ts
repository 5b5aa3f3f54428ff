import type { APIContext } from 'astro';
import type { Snapshot } from '../../../core/snapshot.ts';
import { buildStatusJson } from '../../../core/views.ts';
import { getSnapshots } from '../../../lib/versions.ts';
import { pageKey } from '../../../lib/page-key.ts';

export async function getStaticPaths() {
  return Promise.all((await getSnapshots()).map(async (snapshot) => ({ params: { version: snapshot.version }, props: { snapshot }, cacheKey: await pageKey(snapshot) })));
}

/** /v/<version>/status.json: the contract of DESIGN.md, for a frozen version. */
export function GET(context: APIContext) {
  const { snapshot } = context.props as { snapshot: Snapshot };
  return new Response(`${JSON.stringify(buildStatusJson(snapshot.phases, snapshot.version), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
}
