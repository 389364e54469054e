// Every page and route that keeps its data in the read cache (db/read-cache.ts), with the addresses that fill it.
// tests/cached-pages.test.ts fails when a file calls cachedRead without a line here; e2e/need-to-know.spec.ts
// fills each address as the admin, then reads it as the outsider, who must get none of what only the admin sees:
// a 404 where the address names a restricted record, else a page without the restricted negotiation's words.
// `{negotiation}`, `{issue}`, `{round}` are the restricted peace talks' ids (e2e/restricted-samples.ts).

export type CachedPage = { file: string; urls: string[] };

export const CACHED_PAGES: CachedPage[] = [
  { file: 'app/page.tsx', urls: ['/', '/?negotiation={negotiation}', '/?status=deadlocked'] },
  { file: 'app/issues/[id]/page.tsx', urls: ['/issues/{issue}', '/issues/{issue}?history=all'] },
  { file: 'app/search/page.tsx', urls: ['/search?q=Donbas', '/search?q=Zelensky', '/search?q=Medinsky', '/search?q=talks&negotiation={negotiation}'] },
  { file: 'app/rounds/[id]/page.tsx', urls: ['/rounds/{round}'] },
  { file: 'app/rounds/[id]/summary/page.tsx', urls: ['/rounds/{round}/summary'] },
  {
    file: 'app/api/rounds/[id]/[file]/route.ts',
    urls: ['/api/rounds/{round}/summary.md', '/api/rounds/{round}/summary.json', '/api/rounds/{round}/summary.csv', '/api/rounds/{round}/summary.pdf'],
  },
  { file: 'app/homework/page.tsx', urls: ['/homework', '/homework?negotiation={negotiation}', '/homework?status=open'] },
  { file: 'app/negotiations/[id]/since-last-round/page.tsx', urls: ['/negotiations/{negotiation}/since-last-round'] },
  { file: 'app/api/sources/choices/route.ts', urls: ['/api/sources/choices'] },
  // The CSV twins of the .xlsx downloads: the same cached rows, in a text the outsider's check can read.
  { file: 'app/api/dashboard/[file]/route.ts', urls: ['/api/dashboard/matrix.csv', '/api/dashboard/matrix.csv?negotiation={negotiation}'] },
  { file: 'app/api/homework/[file]/route.ts', urls: ['/api/homework/board.csv', '/api/homework/board.csv?status=open'] },
];
