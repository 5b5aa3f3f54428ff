import { describe, expect, test } from 'vitest';
import { sanitizeHtml } from '../../../src/core/markdown/sanitize-html.ts';

describe('sanitizeHtml', () => {
  test.each([
    ['<p>ok<script>alert(1)</script></p>', '<p>ok</p>'],
    ['<img src="x" onerror="alert(2)">', '<img src="x">'],
    ['<a href="javascript:alert(3)">x</a>', '<a>x</a>'],
    ['<a href="JaVaScRiPt:alert(3)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,<script>alert(4)</script>">x</a>', '<a>x</a>'],
    ['<svg><script>alert(5)</script></svg>', ''],
    ['<iframe src="https://example.org"></iframe>', ''],
    ['<p style="background:url(javascript:alert(6))">x</p>', '<p>x</p>'],
    ['<a href="https://example.org/x">x</a>', '<a href="https://example.org/x">x</a>'],
    ['<a href="../tasks/task-7.1/">x</a>', '<a href="../tasks/task-7.1/">x</a>'],
    ['<a href="mailto:team@example.org">x</a>', '<a href="mailto:team@example.org">x</a>'],
    ['<h2 id="objectives">Objectives</h2>', '<h2 id="objectives">Objectives</h2>'],
    ['<pre><code class="language-bash">npx claude-flow</code></pre>', '<pre><code class="language-bash">npx claude-flow</code></pre>'],
    [
      '<li class="task-list-item"><span class="check done" role="img" aria-label="Done">✓</span> x</li>',
      '<li class="task-list-item"><span class="check done" role="img" aria-label="Done">✓</span> x</li>',
    ],
  ])('%s → %s', (input, output) => {
    expect(sanitizeHtml(input)).toBe(output);
  });
});
