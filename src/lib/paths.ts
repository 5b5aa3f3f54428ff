/** Site-relative links that respect BASE (GitHub Pages project sites live under /<repo>/). */
export function href(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const clean = path.replace(/^\//, '');
  return `${base}/${clean}`;
}

export const phaseHref = (phaseId: string): string => href(`${phaseId}/`);
export const taskHref = (phaseId: string, slug: string): string => href(`${phaseId}/tasks/${slug}/`);
