import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rule lives in eslint.config.mjs; this proves it bites, so a lint run that passes means the layers hold.
const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('imports point one way: app → server → db → lib', () => {
  it('keeps the pure core free of every other layer, the framework and SQL', async () => {
    for (const specifier of ['@/db', '@/db/schema', '@/server/db', '@/app/page', '@/components/Markdown', 'next/headers', 'react', 'drizzle-orm']) {
      expect(await problems('lib/probe.ts', `import x from '${specifier}';\nexport default x;\n`), specifier).toHaveLength(1);
    }
    expect(await problems('lib/probe.ts', `import { label } from '@/lib/domain';\nexport default label;\n`)).toEqual([]);
  });

  it('lets db/ use the core only', async () => {
    for (const specifier of ['@/server/config', '@/app/page', '@/components/Markdown', 'next/cache']) {
      expect(await problems('db/queries/probe.ts', `import x from '${specifier}';\nexport default x;\n`), specifier).toHaveLength(1);
    }
    expect(await problems('db/queries/probe.ts', `import { label } from '@/lib/domain';\nexport default label;\n`)).toEqual([]);
  });

  it('keeps server/ below the routes and components', async () => {
    expect(await problems('server/probe.ts', `import x from '@/app/page';\nexport default x;\n`)).toHaveLength(1);
    expect(await problems('server/probe.ts', `import x from '@/components/Markdown';\nexport default x;\n`)).toHaveLength(1);
    expect(await problems('server/probe.ts', `import { getDb } from '@/server/db';\nexport default getDb;\n`)).toEqual([]);
  });

  it('lets components name a query result type but never call db/ or server/', async () => {
    expect(await problems('components/Probe.tsx', `import type { Deadline } from '@/db/queries/deadlines';\nexport type D = Deadline;\n`)).toEqual([]);
    expect(await problems('components/Probe.tsx', `import { listDeadlines } from '@/db/queries/deadlines';\nexport default listDeadlines;\n`)).toHaveLength(1);
    expect(await problems('components/Probe.tsx', `import { getDb } from '@/server/db';\nexport default getDb;\n`)).toHaveLength(1);
  });

  it('has one import style: no parent-relative paths', async () => {
    expect(await problems('app/issues/probe.ts', `import x from '../../lib/domain';\nexport default x;\n`)).toHaveLength(1);
  });
});
