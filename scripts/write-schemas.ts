/** `npm run schemas`: writes the JSON Schema of Cairn's NDJSON event format from its zod schema. */
import { writeFileAtomic } from '../src/core/io/write-atomic.ts';
import { cairnEventJsonSchema } from '../src/core/hooks/cairn-ndjson.ts';

const path = 'schemas/cairn-event.schema.json';
writeFileAtomic(path, `${JSON.stringify(cairnEventJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
