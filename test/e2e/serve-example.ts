/** The end-to-end tests' web server: the example site as the build tests saw it (test/sites.ts), on the given port. */
import { sharedSite } from '../sites.ts';
import { serveDirectory } from './static-server.ts';

const port = Number(process.argv[2]);
const { outDir } = sharedSite('example');
const { url } = await serveDirectory(outDir, port);
console.log(`serving ${outDir} at ${url}`);
