import { getDb } from '@/server/db';
import { listDeadlines } from '@/db/queries/deadlines';
import { apiRoute } from '@/server/http/route';
import { toICalendar } from '@/lib/ical';
import { hrefOf } from '@/lib/links';
import { publicHost, publicOrigin } from '@/server/http/public-address';

export const dynamic = 'force-dynamic';

/** GET /api/deadlines.ics?token=… — key dates, planned rounds and homework due of the negotiations the caller sees, for a calendar client. */
export const GET = apiRoute({ role: 'viewer', queryToken: true }, ({ scope }) => {
  const origin = publicOrigin();
  const events = listDeadlines(getDb(), scope)
    .filter((d) => d.date)
    .map((d) => ({
      uid: d.uid,
      date: d.date!,
      until: d.until ?? undefined,
      summary: `${d.title} (${d.negotiationName})`,
      // A vague date spans its window; the description says how it was reported.
      description: [d.estimated && `Approximate: ${d.when}`, d.detail, d.negotiationName].filter(Boolean).join(' — '),
      url: `${origin}${hrefOf(d.target)}`,
      marking: d.marking,
    }));
  return new Response(toICalendar('Negotiation deadlines', events, publicHost()), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="deadlines.ics"',
    },
  });
});
