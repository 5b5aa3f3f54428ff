import type { APIContext } from 'astro';
import { buildStatusJson } from '../../../core/views/status-json.ts';
import { getSnapshot, getVersions } from '../../../lib/versions.ts';
import { pageKey } from '../../../lib/page-key.ts';

export async function getStaticPaths() {
  return Promise.all((await getVersions()).map(async (info) => ({ params: { version: info.version }, props: { version: info.version }, cacheKey: await pageKey(info.digest) })));
}

/** /v/<version>/status.json: the contract of DESIGN.md, for a frozen version. */
export async function GET(context: APIContext) {
  const snapshot = await getSnapshot((context.props as { version: string }).version);
  return new Response(`${JSON.stringify(buildStatusJson(snapshot.phases, snapshot.version), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
}
