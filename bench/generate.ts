// Bulk loader for the benchmark: a large, realistic, deterministic instance (same seed, same rows).
// Like db/, this file writes SQL: prepared statements inside a few big transactions, far faster
// than the app's one-row-at-a-time mutations. Positions are the exception: their history is appended
// through db/mutations/position-chain.ts, the app's one writer of the chain. The FTS5 search index
// fills itself through the triggers of migration 0002, exactly as it does in production.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db';
import { lastEventOnSql } from '@/db/mutations/last-event';
import { appendPosition } from '@/db/mutations/position-chain';
import { hashPassword } from '@/server/auth/password';
import { storedColumns } from '@/lib/partial-date';
import {
  FLEXIBILITIES,
  ISSUE_STATUSES,
  PENDING_HOMEWORK_STATUSES,
  PRIORITIES,
  ROUND_FORMATS,
  STANCES,
  type Stance,
} from '@/lib/domain';
import { FIRST_NAMES, LAST_NAMES, OUTLETS, PARTIES, TOPICS, VENUES, chance, int, mulberry32, paragraph, pick, sentence, type Rng } from './text';

export const BENCH_EMAIL = 'bench@example.org';
export const BENCH_PASSWORD = 'bench-password-123';

export const FULL_SCALE = {
  negotiations: 20,
  issues: 200,
  parties: 12,
  rounds: 400,
  updates: 100_000,
  positions: 200_000,
  homework: 20_000,
  users: 50,
};
export type Counts = typeof FULL_SCALE;

/** The row counts of an instance at `scale` (1 = the full benchmark), with floors that keep it coherent. */
export function scaledCounts(scale: number): Counts {
  const s = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const negotiations = s(FULL_SCALE.negotiations, 1);
  const issues = s(FULL_SCALE.issues, 2 * negotiations);
  return {
    negotiations,
    issues,
    parties: Math.min(PARTIES.length, s(FULL_SCALE.parties, 4)),
    rounds: s(FULL_SCALE.rounds, 3 * negotiations),
    updates: s(FULL_SCALE.updates, 10),
    positions: s(FULL_SCALE.positions, issues * 4),
    homework: s(FULL_SCALE.homework, 5),
    users: s(FULL_SCALE.users, 3),
  };
}

export type GenerateOptions = { seed?: number; scale?: number };
export type GenerateResult = { counts: Counts; ms: number; cpuMs: number; phases: Record<string, number> };

const DAY = 86_400_000;
const EPOCH = Date.UTC(2022, 0, 1);
/** Day 0 is 2022-01-01. */
const isoDay = (day: number) => new Date(EPOCH + day * DAY).toISOString().slice(0, 10);
const isoStamp = (day: number, rng: Rng) => new Date(EPOCH + day * DAY + Math.floor(rng() * DAY)).toISOString();
const dayOf = (iso: string) => Math.round((Date.parse(iso) - EPOCH) / DAY);
const LAST_HELD_DAY = dayOf('2026-10-31');
const LAST_UPDATE_DAY = dayOf('2026-11-15');

/** Splits `total` into `weights.length` integers (each at least `min`) proportional to the weights. */
function split(total: number, weights: number[], min = 1): number[] {
  const base = weights.map(() => min);
  let rest = total - min * weights.length;
  if (rest < 0) throw new Error(`cannot split ${total} into ${weights.length} parts of at least ${min}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const out = base.map((b, i) => b + Math.floor(exact[i]));
  rest -= exact.reduce((a, e) => a + Math.floor(e), 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < rest; k++) out[order[k % order.length][1]] += 1;
  return out;
}

function sample<T>(rng: Rng, list: readonly T[], n: number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, Math.min(n, copy.length));
}

type Round = { id: number; seq: number; day: number | null; status: 'held' | 'planned' | 'cancelled' };
type Neg = { id: number; startDay: number; seats: number[]; issues: number[]; rounds: Round[]; held: Round[]; updateFrom: number; updateTo: number };

/** The latest held round that started on or before `day`, if any. */
function heldBefore(neg: Neg, day: number): Round | undefined {
  let found: Round | undefined;
  for (const r of neg.held) if (r.day! <= day) found = r;
  return found;
}

export async function generate(dbPath: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const seed = options.seed ?? 42;
  const counts = scaledCounts(options.scale ?? 1);
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    mark = now;
  };

  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const db = openDatabase(dbPath);
  const c = db.$client;
  // A throw-away file being bulk-loaded: durability buys nothing here.
  c.pragma('synchronous = OFF');
  c.pragma('cache_size = -200000');
  phase('open');

  const rng = mulberry32(seed);
  const ins = (table: string, columns: string[]) =>
    c.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);

  const negs: Neg[] = [];
  const partyIds: number[] = [];
  const actorsByParty = new Map<number, number[]>();
  // What each negotiation that seats a party says of it, and the title its actors speak under there.
  const descriptionOf = new Map<number, string>();
  const titleOf = new Map<number, string>();
  const writers: number[] = [];
  const negWeights = Array.from({ length: counts.negotiations }, (_, i) => 1 / Math.sqrt(i + 1) + rng() * 0.3);

  // ------------------------------------------------------------ users, parties, negotiations, issues, rounds
  c.transaction(() => {
    const user = ins('users', ['id', 'email', 'name', 'role', 'password_hash', 'created_at']);
    for (let id = 1; id <= counts.users; id++) {
      const role = id === 1 ? 'analyst' : id % 10 === 0 ? 'admin' : id % 2 === 0 ? 'analyst' : 'viewer';
      const email = id === 1 ? BENCH_EMAIL : `user${id}@bench.example`;
      user.run(id, email, id === 1 ? 'Bench Analyst' : `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`, role, passwordHash, isoStamp(0, rng));
      if (role !== 'viewer') writers.push(id);
    }

    const party = ins('parties', ['id', 'name', 'short_name', 'created_at', 'created_by']);
    const actor = ins('actors', ['id', 'name', 'created_at']);
    let actorId = 0;
    for (let id = 1; id <= counts.parties; id++) {
      const [name, short] = PARTIES[id - 1];
      // Drawn in the order they always were, so the rest of the data set stays the same.
      const description = sentence(rng);
      party.run(id, name, short, isoStamp(0, rng), 1);
      descriptionOf.set(id, description);
      partyIds.push(id);
      const mine: number[] = [];
      for (let k = 0; k < 3; k++) {
        actorId += 1;
        const actorName = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
        titleOf.set(actorId, pick(rng, ['Chief negotiator', 'Deputy foreign minister', 'Envoy', 'Military adviser', 'Spokesperson']));
        actor.run(actorId, actorName, isoStamp(0, rng));
        mine.push(actorId);
      }
      actorsByParty.set(id, mine);
    }

    // Open to every user, as the negotiations an upgraded instance holds (docs/decisions/0017).
    const negotiation = ins('negotiations', ['id', 'name', 'description', 'access', 'created_at', 'created_by']);
    const seat = ins('negotiation_parties', ['negotiation_id', 'party_id', 'role', 'sort_order', 'note']);
    const described = ins('party_descriptions', ['negotiation_id', 'party_id', 'description']);
    const affiliation = ins('affiliations', ['negotiation_id', 'actor_id', 'party_id', 'title', 'created_at']);
    const issue = ins('issues', ['id', 'negotiation_id', 'title', 'description', 'status', 'priority', 'key_date', 'key_date_label', 'sort_order', 'last_activity_at', 'created_at', 'created_by']);
    const statusChange = ins('status_changes', ['issue_id', 'from_status', 'to_status', 'changed_on', 'note', 'created_at', 'created_by']);
    const round = ins('rounds', ['id', 'negotiation_id', 'sequence', 'name', 'venue', 'starts_on', 'starts_on_precision', 'starts_on_label', 'starts_on_until', 'ends_on', 'format', 'status', 'summary', 'created_at', 'created_by']);
    const agenda = ins('round_agenda', ['round_id', 'issue_id']);
    const delegation = ins('round_delegations', ['round_id', 'party_id', 'head']);
    const outcome = ins('outcomes', ['round_id', 'issue_id', 'text', 'created_at', 'created_by']);
    const convergence = ins('convergence', ['issue_id', 'round_id', 'distance', 'note', 'assessed_by', 'created_at']);

    const issueSplit = split(counts.issues, negWeights, 2);
    const roundSplit = split(counts.rounds, negWeights, 3);
    let issueId = 0;
    let roundId = 0;
    for (let n = 0; n < counts.negotiations; n++) {
      const id = n + 1;
      const startDay = int(rng, 0, 700);
      const topic = TOPICS[n % TOPICS.length];
      negotiation.run(id, `Talks ${id}: ${topic}`, paragraph(rng, 2, 4), 'open', isoStamp(startDay, rng), 1);
      const seats = sample(rng, partyIds, int(rng, 3, 6));
      seats.forEach((p, i) => seat.run(id, p, i === seats.length - 1 && seats.length > 3 ? 'mediator' : 'party', i, ''));
      for (const p of seats) {
        described.run(id, p, descriptionOf.get(p)!);
        for (const a of actorsByParty.get(p)!) affiliation.run(id, a, p, titleOf.get(a)!, `${isoDay(startDay)}T00:00:00.000Z`);
      }
      const neg: Neg = { id, startDay, seats, issues: [], rounds: [], held: [], updateFrom: 0, updateTo: -1 };

      for (let k = 0; k < issueSplit[n]; k++) {
        issueId += 1;
        // The status path is decided first so the issue row carries where it ended.
        const changes = int(rng, 2, 10);
        let status: string = 'proposed';
        let day = startDay + int(rng, 0, 60);
        const path: [string | null, string, number][] = [[null, status, day]];
        for (let j = 1; j < changes; j++) {
          const next = pick(rng, ISSUE_STATUSES.filter((s) => s !== status));
          day = Math.min(LAST_UPDATE_DAY, day + int(rng, 5, 120));
          path.push([status, next, day]);
          status = next;
        }
        const keyDay = chance(rng, 0.4) ? int(rng, dayOf('2025-06-01'), dayOf('2026-12-31')) : null;
        issue.run(issueId, id, `${TOPICS[(n + k) % TOPICS.length]} — ${pick(rng, ['phase', 'track', 'annex', 'package', 'clause'])} ${k + 1}`, paragraph(rng, 1, 3), status, pick(rng, PRIORITIES), keyDay === null ? null : isoDay(keyDay), keyDay === null ? '' : pick(rng, ['deadline for the draft', 'expiry of the truce', 'review conference', 'election day']), k, null, isoStamp(startDay, rng), pick(rng, writers));
        for (const [from, to, d] of path) statusChange.run(issueId, from, to, isoDay(d), chance(rng, 0.5) ? sentence(rng) : '', isoStamp(d, rng), pick(rng, writers));
        neg.issues.push(issueId);
      }

      const total = roundSplit[n];
      const span = LAST_HELD_DAY - startDay;
      for (let seq = 1; seq <= total; seq++) {
        roundId += 1;
        const planned = seq === total;
        const venue = pick(rng, VENUES);
        let day: number | null = null;
        let approx = '';
        if (planned) {
          if (chance(rng, 0.5)) day = int(rng, dayOf('2026-12-01'), dayOf('2026-12-31'));
          else approx = 'in the coming weeks';
        } else {
          day = startDay + Math.floor((span * seq) / total) - int(rng, 0, 3);
        }
        const status = planned ? 'planned' : chance(rng, 0.04) ? 'cancelled' : 'held';
        const r: Round = { id: roundId, seq, day, status };
        // A round planned in words is counted from the last held round's day, as an analyst logging it then would (lib/partial-date.ts).
        const start = day !== null ? storedColumns({ date: isoDay(day), precision: 'day', label: '' }) : storedColumns({ date: isoDay(LAST_HELD_DAY), precision: 'approx', label: approx });
        round.run(roundId, id, seq, `${venue} ${seq}`, venue, start.date, start.precision, start.label, start.until, day === null ? null : isoDay(day + int(rng, 0, 2)), pick(rng, ROUND_FORMATS), status, status === 'held' ? paragraph(rng, 2, 5) : '', isoStamp(day ?? LAST_HELD_DAY, rng), pick(rng, writers));
        const onAgenda = sample(rng, neg.issues, int(rng, 2, 5));
        for (const i of onAgenda) agenda.run(roundId, i);
        for (const p of seats) delegation.run(roundId, p, `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`);
        if (status === 'held') {
          for (let k = int(rng, 1, 3); k > 0; k--) outcome.run(roundId, pick(rng, onAgenda), sentence(rng), isoStamp(day!, rng), pick(rng, writers));
          for (const i of onAgenda) convergence.run(i, roundId, int(rng, 1, 5), chance(rng, 0.3) ? sentence(rng) : '', pick(rng, writers), isoStamp(day!, rng));
          neg.held.push(r);
        }
        neg.rounds.push(r);
      }
      negs.push(neg);
    }
  })();
  phase('structure');

  // ------------------------------------------------------------ updates with their sources and links
  // Rows are built first and written table by table: FTS5 flushes its pending terms to a new segment
  // whenever a rowid is not above the previous one, so interleaving sources (id*8+6) with updates
  // (id*8+1) would flush on almost every row. Same rows, same triggers, one ascending run per kind.
  let sourceCount = 0;
  type Row = (string | number | null)[];
  const sourceRows: Row[] = [];
  const outletRows: Row[] = [];
  const articleRows: Row[] = [];
  const outletIds = new Map<string, number>();
  const updateRows: Row[] = [];
  const links: { issues: Row[]; parties: Row[]; actors: Row[]; sources: Row[]; corroborations: Row[]; corroborates: Row[] } = {
    issues: [], parties: [], actors: [], sources: [], corroborations: [], corroborates: [],
  };
  {
    const updateSplit = split(counts.updates, negWeights, 1);
    const recent: number[] = [];
    let updateId = 0;
    let corroborationId = 0;
    for (let n = 0; n < negs.length; n++) {
      const neg = negs[n];
      const days = Array.from({ length: updateSplit[n] }, () => int(rng, neg.startDay, LAST_UPDATE_DAY)).sort((a, b) => a - b);
      neg.updateFrom = updateId + 1;
      for (const day of days) {
        updateId += 1;
        const date = isoDay(day);
        if (recent.length === 0 || chance(rng, 0.6)) {
          sourceCount += 1;
          const o = pick(rng, OUTLETS);
          const cites = sourceCount > 1 && chance(rng, 0.05) ? pick(rng, recent.length ? recent : [1]) : null;
          // Drawn in the order a source's columns once were, so the same seed makes the same data set.
          const title = `${pick(rng, TOPICS)}: ${sentence(rng).slice(0, 80)}`;
          const url = chance(rng, 0.7) ? `https://news.example/${o.outlet.replace(/\W+/g, '-').toLowerCase()}/${sourceCount}` : null;
          const precision = chance(rng, 0.1) ? 'approx' : 'day';
          const quote = sentence(rng);
          const credibility = int(rng, 1, 6);
          const at = isoStamp(day, rng);
          const by = pick(rng, writers);
          let outletId = outletIds.get(o.outlet);
          if (outletId === undefined) {
            outletId = outletIds.size + 1;
            outletIds.set(o.outlet, outletId);
            outletRows.push([outletId, o.outlet, o.reliability, at, by]);
          }
          // One article a quote: every generated report is its own piece.
          articleRows.push([sourceCount, outletId, title, url, date, precision, o.reliability, at, by]);
          sourceRows.push([sourceCount, sourceCount, quote, credibility, cites, at, by]);
          recent.push(sourceCount);
          if (recent.length > 50) recent.shift();
        }
        const round = chance(rng, 0.5) ? heldBefore(neg, day) : undefined;
        updateRows.push([updateId, neg.id, paragraph(rng, 2, 4), date, chance(rng, 0.3) ? `${String(int(rng, 6, 22)).padStart(2, '0')}:${String(int(rng, 0, 59)).padStart(2, '0')}` : null, round?.id ?? null, pick(rng, writers), isoStamp(day, rng)]);
        for (const i of sample(rng, neg.issues, int(rng, 1, 2))) {
          links.issues.push([updateId, i]);
        }
        const about = sample(rng, neg.seats, int(rng, 1, 2));
        for (const p of about) links.parties.push([updateId, p]);
        if (chance(rng, 0.2)) links.actors.push([updateId, pick(rng, actorsByParty.get(about[0])!)]);
        // 1–3 sources: the newest report plus, sometimes, others from the last few days' coverage.
        const cited = new Set([recent[recent.length - 1]]);
        for (let k = int(rng, 0, 2); k > 0; k--) cited.add(pick(rng, recent));
        for (const s of cited) links.sources.push([updateId, s]);
        if (updateId > neg.updateFrom && chance(rng, 0.005)) {
          corroborationId += 1;
          links.corroborations.push([corroborationId, `Same event reported on ${date}`, chance(rng, 0.5) ? 1 : null, '', isoStamp(day, rng), pick(rng, writers)]);
          links.corroborates.push([corroborationId, updateId - 1], [corroborationId, updateId]);
        }
      }
      neg.updateTo = updateId;
    }
  }
  c.transaction(() => {
    const write = (statement: ReturnType<typeof ins>, rows: Row[]) => {
      for (const row of rows) statement.run(...row);
    };
    write(ins('outlets', ['id', 'name', 'reliability', 'created_at', 'created_by']), outletRows);
    write(ins('articles', ['id', 'outlet_id', 'title', 'url', 'published_on', 'published_on_precision', 'reliability', 'created_at', 'created_by']), articleRows);
    write(ins('sources', ['id', 'article_id', 'quote', 'credibility', 'cites_source_id', 'created_at', 'created_by']), sourceRows);
    write(ins('updates', ['id', 'negotiation_id', 'body', 'occurred_on', 'occurred_time', 'round_id', 'author_id', 'created_at']), updateRows);
    write(ins('update_issues', ['update_id', 'issue_id']), links.issues);
    write(ins('update_parties', ['update_id', 'party_id']), links.parties);
    write(ins('update_actors', ['update_id', 'actor_id']), links.actors);
    write(ins('update_sources', ['update_id', 'source_id']), links.sources);
    write(ins('corroborations', ['id', 'label', 'consistent', 'note', 'created_at', 'created_by']), links.corroborations);
    write(ins('corroboration_updates', ['corroboration_id', 'update_id']), links.corroborates);
  })();
  phase('updates');

  // ------------------------------------------------------------ positions: versions per issue × party, one current
  // Through the app's one writer of the chain, so the generator cannot disagree with it on which
  // version is current or what it supersedes. Retiring each version as the next one arrives costs
  // about half a second of the ~12 s full-scale run (measured when the generator moved onto it).
  c.transaction(() => {
    const pairs: { neg: Neg; issueId: number; partyId: number; weight: number }[] = [];
    for (const neg of negs) {
      for (const issueId of neg.issues) {
        const heat = 0.3 + rng() * 1.4;
        for (const partyId of neg.seats) pairs.push({ neg, issueId, partyId, weight: heat * (0.6 + rng() * 0.8) });
      }
    }
    const versions = split(counts.positions, pairs.map((p) => p.weight), 1);
    pairs.forEach((pair, k) => {
      const { neg } = pair;
      const days = Array.from({ length: versions[k] }, () => int(rng, neg.startDay, LAST_UPDATE_DAY)).sort((a, b) => a - b);
      let stance: Stance = pick(rng, STANCES);
      for (const day of days) {
        if (chance(rng, 0.3)) stance = pick(rng, STANCES);
        const round = chance(rng, 0.3) ? heldBefore(neg, day) : undefined;
        const updateId = chance(rng, 0.4) && neg.updateTo >= neg.updateFrom ? int(rng, neg.updateFrom, neg.updateTo) : null;
        // The fields are drawn in this order so that a seed keeps giving the same rows.
        appendPosition(db, {
          issueId: pair.issueId,
          partyId: pair.partyId,
          summary: sentence(rng),
          stance,
          redLines: chance(rng, 0.3) ? sentence(rng) : '',
          flexibility: pick(rng, FLEXIBILITIES),
          asOf: isoDay(day),
          sourceId: chance(rng, 0.7) ? int(rng, 1, sourceCount) : null,
          roundId: round?.id ?? null,
          updateId,
          createdAt: isoStamp(day, rng),
          createdBy: pick(rng, writers),
        });
      }
    });
  })();
  // Every dated record is written: each issue's latest event date, by the app's one definition.
  c.prepare(`UPDATE issues SET last_activity_at = ${lastEventOnSql('issues')}`).run();
  phase('positions');

  // ------------------------------------------------------------ homework with owners
  c.transaction(() => {
    const item = ins('homework', ['id', 'negotiation_id', 'title', 'description', 'issue_id', 'assigned_round_id', 'due_round_id', 'due_on', 'status', 'resolution', 'vague', 'created_at', 'created_by', 'updated_at', 'updated_by']);
    const owner = ins('homework_owners', ['homework_id', 'party_id']);
    const homeworkSplit = split(counts.homework, negWeights, 1);
    let id = 0;
    negs.forEach((neg, n) => {
      for (let k = 0; k < homeworkSplit[n]; k++) {
        id += 1;
        const assigned = neg.held.length ? pick(rng, neg.held) : undefined;
        const due = assigned && chance(rng, 0.6) ? neg.rounds.find((r) => r.seq === assigned.seq + 1) : undefined;
        const fromDay = assigned?.day ?? neg.startDay;
        const dueDay = chance(rng, 0.3) ? Math.min(dayOf('2026-12-31'), fromDay + int(rng, 7, 90)) : null;
        const settled = (due?.status === 'held' || (dueDay !== null && dueDay < LAST_HELD_DAY)) && chance(rng, 0.75);
        const status = settled ? pick(rng, ['delivered', 'delivered', 'delivered', 'dropped'] as const) : pick(rng, PENDING_HOMEWORK_STATUSES);
        const topic = pick(rng, TOPICS);
        item.run(id, neg.id, `${pick(rng, ['Prepare a paper on', 'Send a list of', 'Consult capitals on', 'Draft language on', 'Verify figures on'])} ${topic}`, paragraph(rng, 1, 2), chance(rng, 0.7) ? pick(rng, neg.issues) : null, assigned?.id ?? null, due?.id ?? null, dueDay === null ? null : isoDay(dueDay), status, status === 'delivered' ? sentence(rng) : '', chance(rng, 0.05) ? 1 : 0, isoStamp(fromDay, rng), pick(rng, writers), null, null);
        for (const p of sample(rng, neg.seats, int(rng, 1, 2))) owner.run(id, p);
      }
    });
  })();
  phase('homework');

  c.pragma('optimize');
  c.pragma('wal_checkpoint(TRUNCATE)');
  c.close();
  phase('finish');
  const cpu = process.cpuUsage(cpuStart);
  return { counts, ms: Math.round(performance.now() - started), cpuMs: Math.round((cpu.user + cpu.system) / 1000), phases };
}

// `tsx bench/generate.ts <file> [seed] [scale]`: prints the result as JSON on the last line.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const [file = 'bench/out/bench.db', seed = '42', scale = '1'] = process.argv.slice(2);
  generate(path.resolve(file), { seed: Number(seed), scale: Number(scale) })
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
