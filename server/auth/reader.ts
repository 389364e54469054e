import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { readerScope, type ReaderScope } from '@/db/queries/access';
import { currentUser } from './current-user';
import type { CurrentUser } from '@/lib/roles';

/** A signed-in user and what they may see (db/queries/access.ts), read afresh once per request. */
export type Reader = { user: CurrentUser; scope: ReaderScope };

export const currentReader = cache(async (): Promise<Reader | null> => {
  const user = await currentUser();
  return user ? { user, scope: readerScope(getDb(), user) } : null;
});

/** For pages: the reader, or a redirect to the login page. */
export async function requireReader(): Promise<Reader> {
  const reader = await currentReader();
  if (!reader) redirect('/login');
  return reader;
}
