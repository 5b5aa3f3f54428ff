import rss from '@astrojs/rss';
import { href } from './paths.ts';
import type { FeedView } from '../core/views/routes.ts';

interface FeedItem {
  title: string;
  pubDate: Date;
  description: string;
  link: string;
  /** A stable id for readers that remember what they showed. */
  guid?: string;
}

// XML 1.0 allows no control characters but tab, line feed and carriage return; a title copied from a terminal can
// carry any of them, and one would make the whole feed unreadable.
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const xmlText = (text: string) => text.replace(notXml, '');
const escapeXml = (text: string) => xmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Without SITE the published address is unknown: links are written from the site's root instead (BASE included),
// never pointed at a machine that served a preview.
const unknownOrigin = 'https://site.invalid';

/**
 * An RSS response whose every text is well-formed XML, whatever the packages and logs hold. Links are absolute under
 * SITE (`site`) and BASE when SITE is set, and paths under BASE when it is not.
 */
async function feedResponse({
  title,
  description,
  site,
  items,
}: {
  title: string;
  description: string;
  site: URL | undefined;
  items: readonly FeedItem[];
}): Promise<Response> {
  const response = await rss({
    title: xmlText(title),
    description: xmlText(description),
    site: new URL(href(), site ?? unknownOrigin).href,
    items: items.map((item) => ({
      title: xmlText(item.title),
      pubDate: item.pubDate,
      description: xmlText(item.description),
      link: item.link,
      ...(item.guid === undefined ? {} : { customData: `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` }),
    })),
  });
  if (site) return response;
  return new Response((await response.text()).replaceAll(unknownOrigin, ''), { headers: response.headers });
}

/** The RSS response of a feed's view: each entry's link under the base, its time as a date. */
export function feedOf(feed: FeedView, site: URL | undefined): Promise<Response> {
  return feedResponse({
    title: feed.title,
    description: feed.description,
    site,
    items: feed.items.map((item) => ({
      title: item.title,
      pubDate: new Date(item.pubDate),
      description: item.description,
      link: href(item.path),
      ...(item.guid === undefined ? {} : { guid: item.guid }),
    })),
  });
}
