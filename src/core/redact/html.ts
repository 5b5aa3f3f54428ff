/**
 * Secrets in rendered HTML. Redacting the Markdown source is not enough on its own: the renderer decodes what the
 * patterns cannot see in the source (`ghp&#95;…` and `ghp\_…` both render as "ghp_…"), so the sound place is the
 * text the page will show. The HTML is parsed, and only text, comments and attribute values are redacted (an
 * `href="https://user:pass@host"` leaks as surely as the text); tags and structure are never touched, so no marker
 * can open or close an element. `<script>` and `<style>` are left as they are: their text is code, and the only
 * data the pages put in them (chart specs) is built from the already redacted model.
 */
import type { Element, Nodes, Properties } from 'hast';
import { addCounts, redactTextCounting, type RedactionCounts } from './redact.ts';

const codeElements = new Set(['script', 'style']);

/**
 * Redacts a parsed tree in place (text, comments and attribute values; not inside script or style) and returns the
 * counts by kind, for a caller that already holds the tree (a sanitizer, say) and should not parse the HTML twice.
 */
export function redactTree(tree: Nodes): RedactionCounts {
  const found: RedactionCounts[] = [];
  const redact = (text: string): string => {
    const { text: result, counts } = redactTextCounting(text);
    if (result !== text) found.push(counts);
    return result;
  };
  const visit = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'comment') node.value = redact(node.value);
    if (node.type === 'element') {
      node.properties = redactProperties(node.properties, redact);
      if (codeElements.has(node.tagName)) return;
      if (node.content) visit(node.content);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return addCounts(...found);
}

function redactProperties(properties: Element['properties'], redact: (text: string) => string): Properties {
  return Object.fromEntries(
    Object.entries(properties).map(([name, value]) => [
      name,
      typeof value === 'string' ? redact(value) : Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? redact(item) : item)) : value,
    ]),
  );
}
