/**
 * The Markdown renderer turns "- [x] item" into a bare, disabled <input type="checkbox">, which has no label
 * (axe: "label") and reads as a form field. Replace each with the same marks the dashboard's checklists use.
 */
const checkboxInput = /<input\b(?=[^>]*\btype="checkbox")[^>]*>/g;

export function labelTaskCheckboxes(html: string): string {
  return html.replace(checkboxInput, (input) =>
    /\schecked\b/.test(input)
      ? '<span class="check done" role="img" aria-label="Done">✓</span>'
      : '<span class="check open" role="img" aria-label="Not done">☐</span>',
  );
}
