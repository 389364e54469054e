import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The configuration: every variable the app and its start read, with its default and its rules, in one
 * place (README's Configuration table says the same for people). Every entry point checks it before
 * doing anything: `npm start` (scripts/start.mjs loads this file through tsx), `next start` run
 * directly (instrumentation.ts), the tsx scripts (importing `env` throws on a wrong value) and the
 * end-to-end configuration. Nothing else in the app reads process.env, except Next's own NEXT_RUNTIME,
 * which instrumentation.ts must test before it may load Node modules such as this one; the test and
 * measurement runners (scripts/*.mjs, bench/, playwright.config.ts) read their own knobs, listed in
 * README too.
 */

export const DEFAULT_DATABASE_PATH = path.join('data', 'tracker.db');
export const DEFAULT_PORT = 3000;
const DEMO_VALUES = ['on', 'off'] as const;

/** Why a NEXTAUTH_SECRET is unfit for a real deployment, or null. */
export function secretProblem(secret: string | undefined): string | null {
  if (!secret) return 'NEXTAUTH_SECRET is missing.';
  if (secret.length < 32) return 'NEXTAUTH_SECRET is too short (under 32 characters).';
  if (new Set(secret).size < 10) return 'NEXTAUTH_SECRET is too repetitive to be random.';
  return null;
}

const SECRET_ADVICE = 'set NEXTAUTH_SECRET to a random string of at least 32 characters (e.g. `openssl rand -base64 48`).';

const wholeNumber = (name: string, what: string, min: number, max: number) =>
  z
    .string()
    .refine((text) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max, { error: (issue) => `${name} must be ${what}, not "${String(issue.input)}".` })
    .transform(Number);

const ConfigSchema = z
  .object({
    DATABASE_PATH: z
      .string()
      .default(DEFAULT_DATABASE_PATH)
      .transform((file) => path.resolve(file)),
    DEMO: z.enum(DEMO_VALUES, { error: (issue) => `DEMO must be "on" or "off", not "${String(issue.input)}".` }).default('on'),
    NEXTAUTH_SECRET: z.string().optional(),
    NEXTAUTH_URL: z.url({ error: (issue) => `NEXTAUTH_URL must be an address such as https://tracker.example.org, not "${String(issue.input)}".` }).optional(),
    PORT: wholeNumber('PORT', 'a port number (1–65535)', 1, 65535).default(DEFAULT_PORT),
    // How many server processes `npm start` runs on the one port (scripts/serve.mjs); one per core unless told.
    WORKERS: wholeNumber('WORKERS', 'a whole number of server processes (1–64)', 1, 64).default(os.availableParallelism()),
    // Applied by scripts/start-helpers.mjs withServerHeap, which also holds the default.
    TRACKER_HEAP_MB: wholeNumber('TRACKER_HEAP_MB', 'a whole number of megabytes', 1, Number.MAX_SAFE_INTEGER).optional(),
    // How many proxies stand in front of the server: which X-Forwarded-For entry the login limit believes (server/http/client-address.ts).
    TRUST_PROXY: wholeNumber('TRUST_PROXY', 'the number of proxies in front of the server (0–10)', 0, 10).default(0),
    NODE_ENV: z.string().default('development'),
    NEXT_PHASE: z.string().optional(),
  })
  .superRefine((config, context) => {
    // Demo mode may go without: `npm start` then generates one and keeps it beside the database. So may
    // `next build` (Next sets NEXT_PHASE), which loads this file but signs nothing: an image can be
    // built without the secret it will run with.
    if (config.DEMO === 'off' && config.NEXT_PHASE !== 'phase-production-build') {
      const problem = secretProblem(config.NEXTAUTH_SECRET);
      if (problem) context.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: `${problem} With DEMO=off, ${SECRET_ADVICE}` });
    }
  })
  .transform((config) => ({ ...config, NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}` }));

export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** The configuration a set of variables describes, or what is wrong with it. An empty variable counts as unset. */
export function parseConfig(variables: Record<string, string | undefined>): ConfigResult {
  const given = Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse(given);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
}

/** What the server process needs beyond the rest: it signs and reads sessions, so it needs the secret in any mode. */
export function serverProblems(config: Config): string[] {
  if (config.NEXTAUTH_SECRET) return [];
  return [`NEXTAUTH_SECRET is missing; the server signs sessions with it. \`npm start\` generates one in demo mode; started otherwise, ${SECRET_ADVICE}`];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The configuration the variables describe; throws ConfigError listing every problem. */
export function readConfig(variables: Record<string, string | undefined>): Config {
  const result = parseConfig(variables);
  if (!result.ok) throw new ConfigError(result.problems);
  return result.config;
}

/** The configuration a server process may run with; throws ConfigError listing every problem. */
export function readServerConfig(variables: Record<string, string | undefined>): Config {
  const config = readConfig(variables);
  const problems = serverProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** For the server process: throws ConfigError when it may not serve (importing this file already does for most problems). */
export function assertServerConfig(): void {
  readServerConfig(process.env);
}

/** This process's configuration, checked when first imported. */
export const env = readConfig(process.env);
