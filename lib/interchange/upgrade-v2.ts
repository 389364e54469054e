import type { NegotiationDocumentV2 } from './schema-v2';
import type { NegotiationDocumentV3 } from './schema-v3';

// A version 2 document (./schema-v2.ts) read as the version 3 it means. Its days stay days. A source
// "published about that day" becomes that day, approximate. A round planned in words only ("in the
// coming weeks") becomes those words counted from the document's latest news, the day of its latest
// update: the words were true as of the reports it holds. With no update to count from, the words
// stay beside an empty start, as version 2 kept them.

type Doc = Pick<NegotiationDocumentV2, 'sources' | 'rounds' | 'updates'>;

/** The day of the document's latest update, or null when it has none. */
function latestNews(doc: Doc): string | null {
  return doc.updates.reduce<string | null>((latest, u) => (typeof u.occurredOn === 'string' && (!latest || u.occurredOn > latest) ? u.occurredOn : latest), null);
}

type V2Round = NegotiationDocumentV2['rounds'][number];
type V3Round = NegotiationDocumentV3['rounds'][number];

function upgradeRound(round: V2Round, news: string | null): V3Round {
  const { startsOn, approxDate, ...rest } = round;
  if (startsOn) return { ...rest, approxDate, startsOn };
  const words = (approxDate ?? '').trim();
  if (!words || !news) return { ...rest, approxDate, startsOn: null };
  return { ...rest, approxDate: '', startsOn: { date: news, precision: 'approx', label: words } };
}

/** The version 3 document a version 2 one means. Also reads what could be read of a broken one (./readable.ts): a field left undefined stays so. */
export function upgradeDocumentV2(doc: NegotiationDocumentV2): NegotiationDocumentV3 {
  const news = latestNews(doc);
  return {
    ...doc,
    version: 3,
    sources: doc.sources.map(({ publishedOnApprox, publishedOn, ...s }) => ({
      ...s,
      publishedOn: publishedOn && publishedOnApprox ? { date: publishedOn, precision: 'approx' as const } : publishedOn,
    })),
    rounds: doc.rounds.map((r) => upgradeRound(r, news)),
  };
}
