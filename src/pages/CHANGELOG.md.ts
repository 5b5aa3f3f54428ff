import { getCollection, getEntry } from 'astro:content';
import { buildChangelogText } from '../core/views/changelog.ts';

/** /CHANGELOG.md (views/changelog.ts). */
export async function GET() {
  const changelog = await getEntry('changelog', 'changelog');
  const text = buildChangelogText(changelog?.data ?? null, (await getCollection('releases')).map((entry) => entry.data));
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
}
