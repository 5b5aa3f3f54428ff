/**
 * Two of micromark's steps (mdast's Markdown parser) take time in the length of what came before them, so files made
 * of many of them took time in the square of their length (40 KB: 13–28 s; 200 KB would take minutes):
 *
 * - Edits to the list of parse events are batched in an EditMap and applied by copying the whole list, although they
 *   sit at its end: when a block quote or list closes, when a line continues one without its marker, and at every
 *   setext heading ("Title" over "===="). Here they are applied from the first edited place on.
 * - Adjacent pieces of plain text in a paragraph are merged by cutting each run out of the list of events, which
 *   moves everything after it: once per line whose text has a "!" or "&" in it, once per backslash escape. Here the
 *   runs are merged in one pass before micromark's own merge, which then finds nothing left to cut.
 *
 * Both give the same events as before. The code changed is micromark's own, reached through mdast-util-from-markdown
 * (so it is the copy that parses), and changed once, when this module is first imported.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Event = [kind: 'enter' | 'exit', token: { type: string; end: unknown }, context: unknown];
type Resolver = (events: Event[], context: unknown) => Event[];
type Change = [index: number, remove: number, add: unknown[]];
interface EditMapFields {
  map: Change[];
  index: Map<number, Change>;
}

const fromCairn = createRequire(import.meta.url);
const fromMdast = createRequire(fromCairn.resolve('mdast-util-from-markdown'));
const micromarkEntry = fromMdast.resolve('micromark');
const fromMicromark = createRequire(micromarkEntry);
const { EditMap } = fromMicromark('micromark-util-edit-map') as { EditMap: { prototype: { consume: (this: unknown, events: unknown[]) => void } } };
const textInitializers = fromMicromark(join(dirname(micromarkEntry), 'lib', 'initialize', 'text.js')) as Record<
  'resolver' | 'string' | 'text',
  { resolveAll: Resolver }
>;

// micromark's own functions, kept on its objects: this module may be evaluated more than once in a process (test
// runners do), and must find the originals, not its own replacements.
const original = Symbol.for('cairn.micromark-original');
type WithOriginal<T> = { [original]?: T };
const originalOf = <T>(holder: WithOriginal<T>, current: T): T => (holder[original] ??= current);

const copyingConsume = originalOf(EditMap as WithOriginal<typeof EditMap.prototype.consume>, EditMap.prototype.consume);

/** Applies the edits to `events` in place: what precedes the first edit stays where it is. */
function tailConsume(this: unknown, events: unknown[]): void {
  const self = this as EditMapFields;
  if (self.map.length === 0) return;
  self.map.sort((a, b) => a[0] - b[0]);
  const start = self.map[0]![0];
  const tail = events.slice(start);
  events.length = start;
  // `at` is the index, in the list as it was, of the next event to keep.
  let at = start;
  for (const [index, remove, add] of self.map) {
    for (let i = at; i < index; i++) events.push(tail[i - start]);
    for (const event of add) events.push(event);
    at = index + remove;
  }
  for (let i = at - start; i < tail.length; i++) events.push(tail[i]);
  self.map.length = 0;
  self.index.clear();
}

/**
 * Merges each run of adjacent `data` tokens into its first, in place and in one pass, as micromark's text resolver
 * does one run at a time: the first token ends where the last one did.
 */
function mergeData(events: Event[]): Event[] {
  let write = 0;
  let read = 0;
  while (read < events.length) {
    const event = events[read]!;
    if (event[0] === 'enter' && event[1].type === 'data') {
      let end = read + 2;
      while (end < events.length && events[end]![1].type === 'data') end += 2;
      if (end !== read + 2) event[1].end = events[end - 1]![1].end;
      events[write++] = event;
      events[write++] = events[read + 1]!;
      read = end;
      continue;
    }
    events[write++] = event;
    read++;
  }
  events.length = write;
  return events;
}

const initializerOriginal = (name: 'resolver' | 'string' | 'text') =>
  originalOf(textInitializers[name] as WithOriginal<Resolver>, textInitializers[name].resolveAll);
const copyingResolvers = { resolver: initializerOriginal('resolver'), string: initializerOriginal('string'), text: initializerOriginal('text') };
const mergingResolvers = {
  resolver: (events: Event[], context: unknown) => copyingResolvers.resolver(mergeData(events), context),
  string: (events: Event[], context: unknown) => copyingResolvers.string(mergeData(events), context),
  text: (events: Event[], context: unknown) => copyingResolvers.text(mergeData(events), context),
};

/** Turns the linear steps on (as importing this module does) or back to micromark's own, for the test that compares. */
export function useLinearSteps(on: boolean): void {
  EditMap.prototype.consume = on ? tailConsume : copyingConsume;
  for (const name of ['resolver', 'string', 'text'] as const) textInitializers[name].resolveAll = on ? mergingResolvers[name] : copyingResolvers[name];
}

useLinearSteps(true);
