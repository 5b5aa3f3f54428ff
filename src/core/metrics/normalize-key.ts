/** "Clippy Warnings" → clippy_warnings, "Dead Code (LOC)" → dead_code_loc, "build-time.clean" → build_time_clean. */
export function normalizeKey(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
