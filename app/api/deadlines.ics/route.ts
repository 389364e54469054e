import { getDb } from '@/server/db';
import { listDeadlines } from '@/db/queries/deadlines';
import { apiRoute } from '@/server/http/route';
import { toICalendar } from '@/lib/ical';
import { hrefOf } from '@/lib/links';

export const dynamic = 'force-dynamic';

/** GET /api/deadlines.ics?token=… — key dates, planned rounds and homework due of the negotiations the caller sees, for a calendar client. */
export const GET = apiRoute({ role: 'viewer', queryToken: true }, ({ request, scope }) => {
  const url = new URL(request.url);
  const events = listDeadlines(getDb(), scope)
    .filter((d) => d.date)
    .map((d) => ({
      uid: d.uid,
      date: d.date!,
      summary: `${d.title} (${d.negotiationName})`,
      description: [d.detail, d.negotiationName].filter(Boolean).join(' — '),
      url: `${url.origin}${hrefOf(d.target)}`,
      marking: d.marking,
    }));
  return new Response(toICalendar('Negotiation deadlines', events, url.hostname), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="deadlines.ics"',
    },
  });
});
