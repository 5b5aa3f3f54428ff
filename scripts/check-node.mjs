// Runs first in build and test: Astro 7 and node:sqlite need Node 24, which package.json pins as a dev dependency.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Cairn needs Node 24 or newer, but this is Node ${process.versions.node} (${process.execPath}).\n` +
      '  hint: run commands through npm (npm run build, npm test) so the pinned Node 24 from node_modules/.bin is used;\n' +
      '        if it still says this, run `npm ci` (never with --ignore-scripts) or `npm rebuild node`.',
  );
  process.exit(1);
}
