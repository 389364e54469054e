// Writes the published JSON Schemas under public/schema/ from the zod schema in lib/interchange/schema.ts.
import fs from 'node:fs';
import path from 'node:path';
import { publishedSchemas } from '@/lib/interchange/json-schema';

for (const { file, schema } of publishedSchemas()) {
  const target = path.join(process.cwd(), file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
  console.log(`Wrote ${file}`);
}
