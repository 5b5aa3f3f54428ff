import type { APIContext } from 'astro';
import { feedOf } from '../lib/feed.ts';
import { onlyRoute } from '../lib/site.ts';

/** /feed.xml: releases and task status changes of every phase, newest first. */
export function GET(context: APIContext) {
  return feedOf(onlyRoute('site-feed').feed, context.site);
}
