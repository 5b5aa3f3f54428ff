import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { redactTree } from '../../../src/core/redact/html.ts';
import { sanitizeHtml } from '../../../src/core/markdown/sanitize-html.ts';

// Fake secrets, assembled at run time so that secret scanners have nothing to flag in this file.
const ghp = 'ghp' + '_' + 'A'.repeat(36);
const password = 'p4ss' + '-' + 'w0rd'.repeat(3);

/** The fragment parsed, redacted in place by redactTree, and written out again; with the counts it returned. */
function redactFragment(html: string): { html: string; counts: ReturnType<typeof redactTree> } {
  const tree = fromHtml(html, { fragment: true });
  const counts = redactTree(tree);
  return { html: toHtml(tree), counts };
}

describe('redactTree', () => {
  test.each([
    ['text in a paragraph', `<p>token ${ghp} here</p>`, '<p>token [redacted: github-token] here</p>'],
    ['text in code', `<pre><code>GITHUB_TOKEN=${ghp}\n</code></pre>`, '<pre><code>GITHUB_TOKEN=[redacted: github-token]\n</code></pre>'],
    ['a secret the renderer decoded from an entity', `<p>ghp&#95;${'A'.repeat(36)}</p>`, '<p>[redacted: github-token]</p>'],
    [
      'credentials in a link: the href and the text',
      `<a href="https://ci:${password}@ci.example.com/">https://ci:${password}@ci.example.com/</a>`,
      '<a href="https://ci:[redacted: password]@ci.example.com/">https://ci:[redacted: password]@ci.example.com/</a>',
    ],
    ['a comment', `<!-- ${ghp} --><p>x</p>`, '<!-- [redacted: github-token] --><p>x</p>'],
    ['markers are text: no tag can be opened by one', `<p>&lt;b&gt;${ghp}</p>`, '<p>&#x3C;b>[redacted: github-token]</p>'],
  ])('%s', (_name, html, expected) => {
    expect(redactFragment(html).html).toBe(expected);
  });

  test('script and style are code, and stay as they are', () => {
    const html = `<script>const token = 'abc'; // API_TOKEN=x</script><p>API_TOKEN=${password}</p>`;
    expect(redactFragment(html).html).toBe(`<script>const token = 'abc'; // API_TOKEN=x</script><p>API_TOKEN=[redacted: secret]</p>`);
  });

  test('counts by kind', () => {
    expect(redactFragment(`<p>${ghp}</p><a href="https://u:${password}@h/" title="${ghp}">x</a>`).counts).toEqual({ 'github-token': 2, password: 1 });
  });
});

test('sanitizeHtml, which every rendered task and release goes through, redacts as well', () => {
  expect(sanitizeHtml(`<p>ghp&#95;${'A'.repeat(36)}</p><a href="https://ci:${password}@ci.example.com/">log</a>`)).toBe(
    '<p>[redacted: github-token]</p><a href="https://ci:[redacted: password]@ci.example.com/">log</a>',
  );
});

test('typographic quotes, as smart punctuation renders a quoted value', () => {
  expect(sanitizeHtml(`<p>“MAPS_API_KEY”: “${password}”</p>`)).toBe('<p>“MAPS_API_KEY”: [redacted: secret]</p>');
});
