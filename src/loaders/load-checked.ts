import { AstroError } from 'astro/errors';
import { displayPath } from '../core/io/display-path.ts';
import { loadContent, resolveBuildAsOf, type LoadedContent } from '../core/io/load-content.ts';
import { contentRoot } from '../core/io/read-package.ts';
import { formatIssue, hasErrors } from '../core/issues.ts';

/** Loads the content root and stops the build with every error as `path:line:col message` when there are any. */
export function loadCheckedContent(): LoadedContent {
  const root = contentRoot();
  const content = loadContent(root, resolveBuildAsOf());
  if (hasErrors(content.issues)) {
    const errors = content.issues.filter((issue) => issue.severity === 'error');
    // AstroError takes only (message, hint), so the locations go into the message.
    throw new AstroError(
      `${errors.length} problem(s) in ${displayPath(root)}:\n${errors.map(formatIssue).join('\n')}`,
      'Fix the files named above; `npm run validate` checks the content without building.',
    );
  }
  return content;
}
