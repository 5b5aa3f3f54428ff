import { getCollection } from 'astro:content';

/** One static path per phase, with the phase model as props: the routes under /<phase>/ share it. */
export async function phasePaths() {
  const phases = await getCollection('phases');
  return phases.map((entry) => ({ params: { phase: entry.id }, props: { phase: entry.data } }));
}
