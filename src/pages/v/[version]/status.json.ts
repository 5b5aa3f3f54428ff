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
  // Written once per version and kept with every later one: without indentation (the live status.json is indented).
  return new Response(`${JSON.stringify(buildStatusJson(snapshot.phases, snapshot.version))}\n`, { headers: { 'Content-Type': 'application/json' } });
}
