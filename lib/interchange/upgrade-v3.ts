import { INTERCHANGE_VERSION, readWhen, type NegotiationDocument } from './schema';
import type { NegotiationDocumentV3 } from './schema-v3';
import { outletGrades } from '@/lib/outlet-grades';

// A version 3 document (./schema-v3.ts) read as the version 4 it means: its outlets are those its sources name,
// each graded as its latest article was, with a grading for each grade its articles had, from the earliest
// article with it (lib/outlet-grades.ts; migration 0013 says the same of an old database). An undated
// article's grade is dated as nothing: not known.

/** The version 4 document a version 3 one means. Also reads what could be read of a broken one (./readable.ts). */
export function upgradeDocumentV3(doc: NegotiationDocumentV3): NegotiationDocument {
  const graded = (doc.sources ?? [])
    .filter((s) => typeof s?.outlet === 'string')
    .map((s) => ({ outlet: s.outlet, publishedOn: s.publishedOn ? (readWhen(s.publishedOn)?.date ?? null) : null, reliability: s.reliability ?? 'F' }));
  return {
    ...doc,
    version: INTERCHANGE_VERSION,
    outlets: outletGrades(graded, null).map((o) => ({
      name: o.name,
      reliability: o.current,
      gradings: o.gradings.map((g) => ({ reliability: g.reliability, on: g.on, note: '' })),
    })),
  };
}
