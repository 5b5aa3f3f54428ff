import type { Nodes } from 'mdast';

/** Calls `fn` on `node` and every node below it, depth first, in document order. */
export function visit(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children) visit(child, fn);
}
