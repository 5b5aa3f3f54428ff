import type { Loader } from 'astro/loaders';
import { labelTaskCheckboxes } from '../core/markdown/label-checkboxes.ts';
import { sanitizeHtml } from '../core/markdown/sanitize-html.ts';
import { withEmptyFrontmatter } from '../core/markdown/frontmatter.ts';
import { coreCodeHash } from '../core/pipeline/phase-cache.ts';
import { hasTaskBody, pruneTaskBodies, writeTaskBody } from '../lib/task-bodies.ts';
import { contentLoader } from './load-checked.ts';

/**
 * One entry per task file, id `<phase>/<slug>`: who the task is (the task itself is in its phase) and the hash its
 * rendered Markdown body is kept under, beside the store (src/lib/task-bodies.ts).
 */
export function tasksLoader(): Loader {
  return contentLoader('cairn-tasks', async ({ store, parseData, generateDigest, renderMarkdown }, { phases, bodies }) => {
    // The code that cleans and labels the HTML is part of the hash: a new Cairn renders every body again.
    const code = coreCodeHash() ?? '';
    const seen = new Set<string>();
    const kept = new Set<string>();
    for (const phase of phases) {
      for (const task of phase.tasks) {
        const id = `${phase.id}/${task.slug}`;
        seen.add(id);
        const markdown = bodies.get(`${phase.id}/${task.id}`) ?? '';
        const body = generateDigest({ markdown, code });
        kept.add(body);
        // Rendering is the slow part: an unchanged task file keeps its rendered body.
        if (!hasTaskBody(body)) {
          const rendered = await renderMarkdown(withEmptyFrontmatter(markdown));
          writeTaskBody(body, sanitizeHtml(labelTaskCheckboxes(rendered.html)));
        }
        const entry = { id: task.id, slug: task.slug, phaseId: task.phaseId, title: task.title, file: task.file, body };
        const digest = generateDigest(entry);
        if (store.get(id)?.digest === digest) continue;
        const data = await parseData({ id, data: entry, filePath: task.file });
        store.set({ id, data, filePath: task.file, digest });
      }
    }
    for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    pruneTaskBodies(kept);
  });
}
