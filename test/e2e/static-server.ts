/** The built sites the specs open, served as `cairn preview` serves them (scripts/lib/serve-site.ts), on a free port unless one is given. */
import { serveSite } from '../../scripts/lib/serve-site.ts';

export async function serveDirectory(root: string, port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const served = await serveSite(root, { port });
  return { url: served.url.replace(/\/$/, ''), close: served.close };
}
