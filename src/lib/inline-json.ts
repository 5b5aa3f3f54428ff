/**
 * JSON that is safe inside <script type="application/json">: "<" is escaped so text from a log can never close the
 * script element ("</script>") or open a comment, and U+2028/2029 are escaped for older parsers.
 */
export function stringifyForInlineScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
