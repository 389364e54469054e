import type Database from 'better-sqlite3';
import { indexForms } from '@/lib/word-forms';

/**
 * Gives a connection search_forms(text, …), which the search index triggers call to store the Russian and
 * Ukrainian forms of what they index (migration 0011, decision 0020). SQLite keeps a function per connection,
 * so every connection that writes must have it: openDatabase registers it before anything else runs. A
 * connection without it (the sqlite3 shell) can read, but a write to an indexed table fails loudly with
 * "no such function: search_forms" rather than leaving the index without the forms.
 */
export function registerSearchForms(sqlite: Database.Database): void {
  sqlite.function('search_forms', { deterministic: true, varargs: true }, (...texts: unknown[]) =>
    indexForms(...texts.map((text) => (typeof text === 'string' ? text : null))),
  );
}
