import type { NegotiationDocumentV1 } from './schema-v1';
import type { NegotiationDocumentV2 as NegotiationDocument } from './schema-v2';

// A version 1 document (./schema-v1.ts) read as the version 2 it means. Its parties need nothing:
// the description a document gives a party was, and is, what its negotiation says of the party. Its
// actors had one party and one title for every negotiation: each becomes an affiliation, undated, in
// the negotiation that lists the actor.

type Actor = NegotiationDocument['actors'][number];

const upgradeActor = (a: NegotiationDocumentV1['actors'][number]): Actor => ({
  key: a.key,
  name: a.name,
  affiliations: [{ party: a.party, title: a.title, from: null, to: null }],
});

export function upgradeDocument(doc: NegotiationDocumentV1): NegotiationDocument {
  return { ...doc, version: 2, actors: doc.actors.map(upgradeActor) };
}

/**
 * A version 1 collection listed each actor once, in one document, wherever they spoke. Version 2
 * lists a person in every negotiation they speak in: an actor the updates of another document name
 * is listed there too, with the same party and title. For the upgraded documents of a checked file.
 */
export function listActorsWhereTheySpeak<D extends { actors: Actor[]; updates: { actors: string[] }[] }>(docs: D[]): D[] {
  const listed = new Map(docs.flatMap((d) => d.actors.map((a) => [a.key, a] as const)));
  return docs.map((doc) => {
    const actors = [...doc.actors];
    const own = new Set(actors.map((a) => a.key));
    for (const key of doc.updates.flatMap((u) => u.actors)) {
      const actor = listed.get(key);
      if (!actor || own.has(key)) continue;
      actors.push(actor);
      own.add(key);
    }
    return { ...doc, actors };
  });
}

/** Where a reference error in an upgraded actor sits in the version 1 file: its one party. */
export function pathInVersion1(path: string): string {
  return path.replace(/(\/actors\/\d+)\/affiliations\/0\/party/, '$1/party');
}
