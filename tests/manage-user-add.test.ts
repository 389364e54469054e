import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/server/auth/password';

// The shell command run as a user would, in a child process, against a fresh database file.
function userAdd(databasePath: string, args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/user-add.ts', ...args], {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, DATABASE_PATH: databasePath },
    input: '', // stdin is a pipe, not a terminal
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDatabase() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-user-add-')), 'tracker.db');
}

type UserRow = { email: string; name: string; role: string; password_hash: string; disabled: number };
function usersIn(file: string): UserRow[] {
  if (!fs.existsSync(file)) return [];
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT email, name, role, password_hash, disabled FROM users ORDER BY id').all() as UserRow[];
  } finally {
    db.close();
  }
}

describe('npm run user:add', { timeout: 120_000 }, () => {
  it('creates the user with a hashed password that verifies, and refuses the same email twice', async () => {
    const file = tempDatabase();
    const ok = userAdd(file, ['--email', 'Chief@Ministry.example', '--name', 'Chief Analyst', '--role', 'admin', '--password', 'corr3ct-horse']);
    expect(ok.stderr).not.toMatch(/user:add/);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Created admin chief@ministry.example');
    const [row] = usersIn(file);
    expect(row).toMatchObject({ email: 'chief@ministry.example', name: 'Chief Analyst', role: 'admin', disabled: 0 });
    expect(row.password_hash).not.toContain('corr3ct-horse');
    expect(await verifyPassword('corr3ct-horse', row.password_hash)).toBe(true);

    const again = userAdd(file, ['--email', 'chief@ministry.example', '--name', 'Other', '--role', 'viewer', '--password', 'another-pass-1']);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('already exists');
    expect(usersIn(file)).toHaveLength(1);
  });

  it('refuses a weak password, a wrong role, or no password without a terminal, writing nothing', () => {
    const file = tempDatabase();
    const weak = userAdd(file, ['--email', 'a@example.org', '--name', 'A', '--role', 'analyst', '--password', 'password']);
    expect(weak.status).not.toBe(0);
    expect(weak.stderr).toContain('--password: Use at least 10 characters');

    const role = userAdd(file, ['--email', 'a@example.org', '--name', 'A', '--role', 'boss', '--password', 'corr3ct-horse']);
    expect(role.status).not.toBe(0);
    expect(role.stderr).toContain('--role: Choose a role: admin, analyst or viewer.');

    const noTty = userAdd(file, ['--email', 'a@example.org', '--name', 'A', '--role', 'analyst']);
    expect(noTty.status).not.toBe(0);
    expect(noTty.stderr).toContain('no terminal to ask for one');

    expect(usersIn(file)).toHaveLength(0);
  });
});
