import { onlyRoute } from '../lib/site.ts';

/** /CHANGELOG.md (views/changelog.ts). */
export function GET() {
  return new Response(onlyRoute('changelog').text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
}
