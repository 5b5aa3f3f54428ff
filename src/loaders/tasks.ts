import type { Loader } from 'astro/loaders';
import { labelTaskCheckboxes } from '../core/markdown/label-checkboxes.ts';
import { sanitizeHtml } from '../core/markdown/sanitize-html.ts';
import { loadCheckedContent } from './load-checked.ts';

/** One entry per task file, id `<phase>/<slug>`, with its Markdown body rendered. */
export function tasksLoader(): Loader {
  return {
    name: 'cairn-tasks',
    load: async ({ store, parseData, generateDigest, renderMarkdown }) => {
      const { phases, bodies } = loadCheckedContent();
      store.clear();
      for (const phase of phases) {
        for (const task of phase.tasks) {
          const id = `${phase.id}/${task.slug}`;
          const body = bodies.get(`${phase.id}/${task.id}`) ?? '';
          const data = await parseData({ id, data: task, filePath: task.file });
          const rendered = await renderMarkdown(body);
          store.set({ id, data, filePath: task.file, digest: generateDigest({ data, body }), rendered: { ...rendered, html: sanitizeHtml(labelTaskCheckboxes(rendered.html)) } });
        }
      }
    },
  };
}
