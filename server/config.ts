import path from 'node:path';
import { z } from 'zod';

// Read once, validated at start-up; nothing else reads process.env directly.
const EnvSchema = z.object({
  DATABASE_PATH: z.string().min(1).default(path.join(process.cwd(), 'data', 'tracker.db')),
  DEMO: z.enum(['on', 'off']).default('on'),
  NEXTAUTH_SECRET: z.string().optional(),
  NODE_ENV: z.string().default('development'),
});

export type Env = z.infer<typeof EnvSchema>;

function readEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();
