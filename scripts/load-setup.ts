// Used by the load and crash tests: API tokens for the demo analyst, and every (issue, party) pair
// with its current position, printed as JSON. Run against the test database before the server starts.
import { openDatabase } from '@/db';
import { createApiToken } from '@/db/mutations/tokens';
import { currentPosition, listAllIssues } from '@/db/queries/issues';
import { listSeatedParties } from '@/db/queries/negotiations';
import { findUserByEmail } from '@/db/queries/users';
import { readerScope } from '@/db/queries/access';
import { env } from '@/server/config';

const count = Number(process.argv[2] ?? 50);
const db = openDatabase(env.DATABASE_PATH);
const analyst = findUserByEmail(db, 'analyst@example.org');
if (!analyst) throw new Error('No demo analyst: prepare the database in demo mode first.');
const user = { id: analyst.id, email: analyst.email, name: analyst.name, role: analyst.role };
const tokens = Array.from({ length: count }, (_, i) => createApiToken(db, user, { name: `load worker ${i + 1}`, scope: 'full', days: 7 }).token);
// The pairs the analyst may write to: what their tokens can see.
const scope = readerScope(db, user);
const pairs = listAllIssues(db, scope).flatMap((issue) =>
  listSeatedParties(db, scope, issue.negotiationId).map((p) => ({
    issueId: issue.id,
    negotiationId: issue.negotiationId,
    partyId: p.id,
    current: currentPosition(db, scope, issue.id, p.id)?.id ?? null,
  })),
);
db.$client.close();
console.log(JSON.stringify({ tokens, pairs }));
