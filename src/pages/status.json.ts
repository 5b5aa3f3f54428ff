import { onlyRoute } from '../lib/site.ts';

/** dist/status.json: the machine-readable contract (docs/outputs.md). */
export function GET() {
  return new Response(onlyRoute('status-json').text, { headers: { 'Content-Type': 'application/json' } });
}
