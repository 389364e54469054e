import { describe, expect, it, vi } from 'vitest';
import { freshDb, makeUser } from './factories';
import { authenticate } from '@/server/auth/authenticate';
import { hashPassword } from '@/server/auth/password';
import { createUser, updateUserAccess } from '@/db/mutations/users';

vi.setConfig({ testTimeout: 120_000 });

const PASSWORD = 'correct-horse-9';
const ROUNDS = 9;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * What an attempt costs, as this process's CPU time (scrypt's threads included) in ms. The time on the clock is
 * what an attacker measures, but on a shared machine it is mostly other processes' load (the same attempt took
 * 25 ms to 320 ms during a build); the CPU an attempt takes is what decides it, and holds still.
 */
async function timed(attempt: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await attempt();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

describe('a login takes as long whether the account exists or not', () => {
  it('an unknown and a disabled account cost what a wrong password for a real one costs', async () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const hash = await hashPassword(PASSWORD);
    // One account per round: five failures would lock an account, and each attempt comes from its own address.
    for (let round = 0; round < ROUNDS; round++) {
      createUser(db, admin, { email: `real${round}@test.example`, name: 'Real', role: 'analyst', passwordHash: hash });
      const off = createUser(db, admin, { email: `off${round}@test.example`, name: 'Off', role: 'analyst', passwordHash: hash });
      updateUserAccess(db, admin, off.id, { disabled: true });
    }
    const times = { real: [] as number[], unknown: [] as number[], disabled: [] as number[] };
    const attempts = {
      real: (round: number) => authenticate(db, `real${round}@test.example`, 'wrong-password', `10.0.${round}.1`),
      unknown: (round: number) => authenticate(db, `ghost${round}@test.example`, 'wrong-password', `10.0.${round}.2`),
      disabled: (round: number) => authenticate(db, `off${round}@test.example`, PASSWORD, `10.0.${round}.3`),
    };
    await authenticate(db, 'warm-up@test.example', 'wrong-password', '10.0.99.1');
    // Interleaved, each round in another order, so that a moment of load on the machine falls on all three alike.
    const kinds = Object.keys(attempts) as (keyof typeof attempts)[];
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(round + k) % kinds.length];
        times[kind].push(await timed(() => attempts[kind](round)));
      }
    }
    const real = median(times.real);
    if (process.env.PRINT_FIGURES) console.log('median CPU per login (ms)', { real, unknown: median(times.unknown), disabled: median(times.disabled) });
    // A ratio, not a time: the machine's speed cancels out. Before, unknown accounts skipped scrypt: ~0.01.
    expect(median(times.unknown) / real, JSON.stringify(times)).toBeGreaterThan(0.8);
    expect(median(times.unknown) / real, JSON.stringify(times)).toBeLessThan(1.25);
    expect(median(times.disabled) / real, JSON.stringify(times)).toBeGreaterThan(0.8);
    expect(median(times.disabled) / real, JSON.stringify(times)).toBeLessThan(1.25);
    // And the disabled account's right password still does not sign in.
    expect(await authenticate(db, 'off0@test.example', PASSWORD, '10.0.9.9')).toBeNull();
  });
});
