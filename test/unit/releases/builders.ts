/** Object builders for release tests: every field at its "nothing known" value, overridden by one object. */
import type { Release, ReleaseSection } from '../../../src/core/releases/schema.ts';

/** A release with no entries, no notes and no sources, except what `fields` sets. */
export function release(fields: Partial<Release> & Pick<Release, 'version'>): Release {
  return {
    date: null,
    yanked: false,
    unreleased: false,
    sections: [],
    breaking: false,
    summary: null,
    description: null,
    phases: [],
    tasks: [],
    body: null,
    url: null,
    heading: null,
    sources: [],
    ...fields,
  };
}

/** A "### Added"-style section of plain (not breaking) entries; `title` defaults to the type. */
export function section(type: string, texts: string[], fields: Partial<ReleaseSection> = {}): ReleaseSection {
  return { type, title: type, description: null, items: texts.map((text) => ({ text, breaking: false })), ...fields };
}
