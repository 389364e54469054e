import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { search } from '@/db/queries/search';
import { SEARCH_KINDS } from '@/lib/search-query';
import { hrefOf } from '@/lib/links';
import { listAllIssues } from '@/db/queries/issues';
import { listNegotiations, listRoundsOf } from '@/db/queries/negotiations';
import { listParties } from '@/db/queries/parties';
import { listUsers } from '@/db/queries/users';
import { requireReader } from '@/server/auth/reader';
import { parseSearchParams, toFilters } from '@/lib/validation/search';
import { RELIABILITIES, label } from '@/lib/domain';
import { formatDate } from '@/lib/dates';
import { Highlighted } from '@/components/Highlighted';
import { cachedRead } from '@/db/read-cache';
import { FilterSelect, type FilterOption } from '@/components/ui/FilterSelect';
import { TextField } from '@/components/ui/Field';

export const metadata: Metadata = { title: 'Search' };
export const dynamic = 'force-dynamic';

/** The best matches shown; past them, the filters narrow the search rather than more scrolling. */
const SHOWN = 25;

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requireReader();
  const params = parseSearchParams(await searchParams);
  const db = getDb();
  // Shared by every reader who sees the same negotiations until the next write (db/read-cache.ts): the same words and filters give the same hits.
  const { hits, negotiations, rounds, issues, parties, users } = cachedRead(db, scope, ['search', JSON.stringify(params)], (seen) => ({
    hits: params.q ? search(db, seen, params.q, toFilters(params), SHOWN) : [],
    negotiations: listNegotiations(db, seen),
    rounds: params.negotiation ? listRoundsOf(db, seen, params.negotiation) : [],
    issues: listAllIssues(db, seen).filter((i) => !params.negotiation || i.negotiationId === params.negotiation),
    parties: listParties(db, seen),
    users: listUsers(db),
  }));
  const select = (name: string, text: string, options: FilterOption[], value?: string | number) => <FilterSelect id={`f-${name}`} name={name} label={text} all="any" value={value} options={options} />;
  return (
    <>
      <h1>Search</h1>
      <form method="get" action="/search" className="panel" role="search" aria-label="Search updates, positions, homework, issues, actors and sources">
        <div className="field">
          <label htmlFor="search-q">Words</label>
          <input id="search-q" type="search" name="q" defaultValue={params.q} maxLength={500} />
        </div>
        <div className="grid-2">
          {select('negotiation', 'Negotiation', negotiations.map((n) => ({ value: n.id, label: n.name })), params.negotiation)}
          {select('party', 'Party', parties.map((p) => ({ value: p.id, label: p.name })), params.party)}
          {select('issue', 'Issue', issues.map((i) => ({ value: i.id, label: i.title })), params.issue)}
          {select('round', 'Round (choose a negotiation first)', rounds.map((r) => ({ value: r.id, label: r.name })), params.round)}
          {select('kind', 'Kind', SEARCH_KINDS.map((k) => ({ value: k, label: k })), params.kind)}
          {select('reliability', 'Source reliability at least', RELIABILITIES.map((r) => ({ value: r, label: r })), params.reliability)}
          {select('author', 'Logged by', users.map((u) => ({ value: u.id, label: u.name })), params.author)}
          <TextField label="From" name="from" type="date" defaultValue={params.from} />
          <TextField label="To" name="to" type="date" defaultValue={params.to} />
        </div>
        <p>
          <button type="submit">Search</button>
        </p>
      </form>
      {params.q && (
        <section aria-labelledby="results">
          <h2 id="results">
            {hits.length === 0 ? 'No results' : `${hits.length}${hits.length === SHOWN ? '+' : ''} result${hits.length === 1 ? '' : 's'}`} for “{params.q}”
          </h2>
          {hits.length === SHOWN && <p className="small muted">The {SHOWN} best matches; narrow them with the filters above.</p>}
          <ol className="history">
            {hits.map((h) => (
              <li key={`${h.kind}-${h.id}`}>
                <div className="row">
                  <span className="badge status">{label(h.kind)}</span>
                  {h.target ? (
                    <Link href={hrefOf(h.target)}>
                      <Highlighted text={h.title || h.snippet.slice(0, 80)} />
                    </Link>
                  ) : (
                    <strong>
                      <Highlighted text={h.title} />
                    </strong>
                  )}
                  {h.date && <span className="muted small">{formatDate(h.date)}</span>}
                </div>
                {h.snippet && (
                  <div className="small">
                    <Highlighted text={h.snippet} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
