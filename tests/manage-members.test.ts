import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { createNegotiation } from '@/db/mutations/negotiations';
import { readerScope } from '@/db/queries/access';
import { listNegotiations } from '@/db/queries/negotiations';
import { findUserByEmail } from '@/db/queries/users';
import { makeUser } from './factories';

// The shell commands run as an admin would, in child processes, against a fresh database file.
function run(script: string, databasePath: string, args: string[]) {
  const result = spawnSync('npx', ['tsx', script, ...args], {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, DATABASE_PATH: databasePath },
    input: '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run member and npm run user:add -- --negotiation', { timeout: 180_000 }, () => {
  it('adds a member of an existing account, lists and removes them; user:add makes a new account a member', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-members-')), 'tracker.db');
    const db = openDatabase(file);
    const lead = makeUser(db, 'analyst');
    const colleague = makeUser(db, 'viewer');
    const id = createNegotiation(db, lead, { name: 'Back channel', description: '' });
    db.$client.close();
    const sees = (email: string) => {
      const check = openDatabase(file);
      try {
        const user = findUserByEmail(check, email)!;
        return listNegotiations(check, readerScope(check, user)).map((n) => n.name);
      } finally {
        check.$client.close();
      }
    };
    expect(sees(colleague.email)).toEqual([]);

    const added = run('scripts/member.ts', file, ['add', '--email', colleague.email, '--negotiation', String(id)]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain(`Added ${colleague.email} as viewer of "Back channel".`);
    expect(sees(colleague.email)).toEqual(['Back channel']);

    const removed = run('scripts/member.ts', file, ['remove', '--email', colleague.email, '--negotiation', String(id)]);
    expect(removed.stdout).toContain(`Removed ${colleague.email} from "Back channel".`);
    expect(sees(colleague.email)).toEqual([]);
    const wrong = run('scripts/member.ts', file, ['add', '--email', colleague.email, '--negotiation', String(id), '--role', 'admin']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('"admin" is not a role in a negotiation: viewer or analyst.');

    const created = run('scripts/user-add.ts', file, [
      '--email', 'newcomer@example.org', '--name', 'Newcomer', '--role', 'analyst', '--password', 'corr3ct-horse', '--negotiation', `${id}:viewer`,
    ]);
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('member of "Back channel" as viewer');
    expect(sees('newcomer@example.org')).toEqual(['Back channel']);
    const unknown = run('scripts/user-add.ts', file, ['--email', 'typo@example.org', '--name', 'T', '--role', 'viewer', '--password', 'corr3ct-horse', '--negotiation', '999']);
    expect(unknown.stderr).toContain('there is no negotiation 999; nothing was created.');
    expect(sees('newcomer@example.org')).toEqual(['Back channel']);

    const listed = run('scripts/member.ts', file, ['list', '--negotiation', String(id)]);
    expect(listed.stdout).toContain('Back channel (members only):');
    expect(listed.stdout).toContain('newcomer@example.org\tviewer');
    expect(listed.stdout).not.toContain(colleague.email);
  });
});
