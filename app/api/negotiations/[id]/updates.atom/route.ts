import { getDb } from '@/server/db';
import { latestUpdatesOf, negotiationName } from '@/db/queries/activity';
import { authorizeRequest } from '@/server/auth/request-user';
import { rfc3339, titleFrom, toAtom } from '@/lib/atom';

export const dynamic = 'force-dynamic';

/** GET /api/negotiations/:id/updates.atom?token=… — the 50 latest updates, for feed readers outside the tool. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRequest(request, 'viewer', { allowQueryToken: true });
  if (auth instanceof Response) return auth;
  const id = Number((await params).id);
  const db = getDb();
  const name = Number.isInteger(id) && id > 0 ? negotiationName(db, id) : undefined;
  if (!name) return Response.json({ error: 'No such negotiation.' }, { status: 404 });
  const url = new URL(request.url);
  const page = `${url.origin}/negotiations/${id}`;
  const rows = latestUpdatesOf(db, id, 50);
  const stamp = (r: (typeof rows)[number]) => rfc3339(r.editedAt ?? r.createdAt);
  const xml = toAtom({
    id: `${page}#updates`,
    title: `Updates: ${name}`,
    updated: rows.map(stamp).sort().at(-1) ?? new Date(0).toISOString(),
    // The token is not echoed into the feed: a shared feed file must not carry it.
    selfLink: `${url.origin}${url.pathname}`,
    link: page,
    entries: rows.map((r) => ({
      id: `${url.origin}/updates/${r.id}`,
      title: titleFrom(r.body),
      updated: stamp(r),
      published: rfc3339(r.occurredOn),
      author: r.authorName,
      link: page,
      content: r.body,
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'no-store' } });
}
