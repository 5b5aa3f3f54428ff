import type { Loader } from 'astro/loaders';
import { labelTaskCheckboxes } from '../core/markdown/label-checkboxes.ts';
import { sanitizeHtml } from '../core/markdown/sanitize-html.ts';
import { contentLoader } from './load-checked.ts';

/** One entry per task file, id `<phase>/<slug>`, with its Markdown body rendered (the task itself is in its phase). */
export function tasksLoader(): Loader {
  return contentLoader('cairn-tasks', async ({ store, parseData, generateDigest, renderMarkdown }, { phases, bodies }) => {
    const seen = new Set<string>();
    for (const phase of phases) {
      for (const task of phase.tasks) {
        const id = `${phase.id}/${task.slug}`;
        seen.add(id);
        const body = bodies.get(`${phase.id}/${task.id}`) ?? '';
        const entry = { id: task.id, slug: task.slug, phaseId: task.phaseId, title: task.title, file: task.file };
        const digest = generateDigest({ entry, body });
        // The store is kept between builds: an unchanged task keeps its rendered body (rendering is the slow part).
        if (store.get(id)?.digest === digest) continue;
        const data = await parseData({ id, data: entry, filePath: task.file });
        const rendered = await renderMarkdown(body);
        store.set({ id, data, filePath: task.file, digest, rendered: { ...rendered, html: sanitizeHtml(labelTaskCheckboxes(rendered.html)) } });
      }
    }
    for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  });
}
