/** A flat status badge as SVG (label on the left, message on the right), sized from the text without a font file. */
import { percentOf } from '../format/format.ts';
import type { PhaseHealth, TaskStatus } from '../schema/model.ts';

const statusColors: Record<TaskStatus, string> = {
  pending: '#57606a',
  in_progress: '#0b5cad',
  complete: '#1a7f37',
  blocked: '#b3261e',
};

const healthColors: Record<PhaseHealth['state'], string> = {
  done: '#1a7f37',
  'on-track': '#1a7f37',
  'at-risk': '#8a5a00',
  'off-track': '#b3261e',
  undated: '#57606a',
  unplanned: '#57606a',
  unknown: '#57606a',
};

/** Approximate width of text in 11 px Verdana: narrow and wide characters differ, so estimate per character. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[il.,:;'|!]/.test(char) ? 3.2 : /[mwMW%@]/.test(char) ? 9.5 : /[A-Z0-9]/.test(char) ? 7.5 : 6.4;
  return Math.round(width);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * "phase-7 | at risk 17%": the phase's health when it is judged (in its colour), else its status ("in progress 17%").
 */
export function renderStatusBadge(label: string, status: TaskStatus, progress: number, health: PhaseHealth['state'] | null = null): string {
  const message = `${health ? health.replace('-', ' ') : status.replace('_', ' ')} ${percentOf(progress)}%`;
  const [left, right] = [textWidth(label) + 12, textWidth(message) + 12];
  const total = left + right;
  const title = escapeXml(`${label}: ${message}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<rect width="${left}" height="20" fill="#555"/>`,
    `<rect x="${left}" width="${right}" height="20" fill="${health ? healthColors[health] : statusColors[status]}"/>`,
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">`,
    `<text x="${left / 2}" y="14">${escapeXml(label)}</text>`,
    `<text x="${left + right / 2}" y="14">${escapeXml(message)}</text>`,
    '</g></svg>',
    '',
  ].join('\n');
}
