import { getDb } from '@/server/db';
import { formatStoredDate } from '@/lib/partial-date';
import { feedNegotiation, latestUpdatesOf } from '@/db/queries/activity';
import { apiRoute } from '@/server/http/route';
import { noSuch } from '@/server/http/problem';
import { publicOrigin } from '@/server/http/public-address';
import { dayStamp, escapeXml, rfc3339, titleFrom, toAtom } from '@/lib/atom';
import { markdownToSafeHtml } from '@/lib/markdown';

export const dynamic = 'force-dynamic';

/** GET /api/negotiations/:id/updates.atom?token=… — the 50 latest updates, for feed readers outside the tool. */
export const GET = apiRoute<{ id: string }>({ role: 'viewer', queryToken: true }, ({ request, pathId, scope }) => {
  const id = pathId('id', 'negotiation');
  const db = getDb();
  const negotiation = feedNegotiation(db, scope, id);
  if (!negotiation) throw noSuch('negotiation');
  const { name, marking } = negotiation;
  const origin = publicOrigin();
  const page = `${origin}/negotiations/${id}`;
  const rows = latestUpdatesOf(db, scope, id, 50);
  const stamp = (r: (typeof rows)[number]) => rfc3339(r.editedAt ?? r.createdAt);
  const xml = toAtom({
    id: `${page}#updates`,
    title: `Updates: ${name}`,
    updated: rows.map(stamp).sort().at(-1) ?? new Date(0).toISOString(),
    // The token is not echoed into the feed: a shared feed file must not carry it.
    selfLink: `${origin}${new URL(request.url).pathname}`,
    link: page,
    rights: marking || undefined,
    entries: rows.map((r) => ({
      id: `${origin}/updates/${r.id}`,
      title: titleFrom(r.body),
      updated: stamp(r),
      published: dayStamp(r.occurredOn),
      author: r.authorName,
      link: `${origin}/updates/${r.id}`,
      // Atom dates are moments: an update dated only "late 2025" is published at its window's first day, and says so.
      html: `${r.occurredOnPrecision === 'day' ? '' : `<p><em>Dated ${escapeXml(formatStoredDate(r.occurredOn, r.occurredOnPrecision, r.occurredOnLabel))}</em></p>`}${markdownToSafeHtml(r.body)}`,
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
});
