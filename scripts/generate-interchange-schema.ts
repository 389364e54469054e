// Writes public/schema/negotiation-v1.schema.json from the zod schema in lib/interchange/schema.ts.
import fs from 'node:fs';
import path from 'node:path';
import { negotiationJsonSchema } from '@/lib/interchange/json-schema';

const file = path.join(process.cwd(), 'public', 'schema', 'negotiation-v1.schema.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(negotiationJsonSchema(), null, 2) + '\n');
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
