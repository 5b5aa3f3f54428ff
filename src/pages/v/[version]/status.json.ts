import type { APIContext } from 'astro';
import { pathsOf, viewFrom } from '../../../lib/site.ts';

export const getStaticPaths = () => pathsOf('version-status-json');

/** /v/<version>/status.json: the contract of docs/outputs.md, for a frozen version. */
export function GET(context: APIContext) {
  return new Response(viewFrom<'version-status-json'>(context.props).text, { headers: { 'Content-Type': 'application/json' } });
}
