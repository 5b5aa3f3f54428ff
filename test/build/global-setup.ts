/** Builds the sites several suites share before the build tests start (test/sites.ts). */
import { prepareSharedSites } from '../sites.ts';

export default async function setup(): Promise<void> {
  await prepareSharedSites();
}
