'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;
export type SavedView = { id: number; name: string; query: string };

/**
 * Named views of a filtered page, for any page whose filters live in its URL.
 * `page` is the key views are stored under ('dashboard', 'homework', 'timeline');
 * `path` is where they link to; `query` is the page's current canonical query string.
 */
export function SavedViews({
  page,
  path,
  query,
  views,
  saveAction,
  deleteAction,
}: {
  page: string;
  path: string;
  query: string;
  views: SavedView[];
  saveAction: Action;
  deleteAction: Action;
}) {
  const [state, formAction] = useActionState(saveAction, {});
  const [deleted, deleteFormAction] = useActionState(deleteAction, {});
  const href = (q: string) => (q ? `${path}?${q}` : path);
  return (
    <section className="panel saved-views" aria-labelledby={`saved-views-${page}`}>
      <h2 id={`saved-views-${page}`} style={{ marginTop: 0 }}>
        Saved views
      </h2>
      <FormMessage ok={deleted.ok} message={deleted.message} />
      {views.length === 0 ? (
        <p className="muted small">None yet: set filters, then save them under a name.</p>
      ) : (
        <ul className="saved-view-list" aria-label="Your saved views">
          {views.map((v) => (
            <li key={v.id}>
              <Link href={href(v.query)}>{v.name}</Link>
              <form action={deleteFormAction} className="inline-form">
                <input type="hidden" name="viewId" value={v.id} />
                <input type="hidden" name="path" value={path} />
                <ConfirmButton question={`Delete the view “${v.name}”?`} yes="Yes, delete" label={`Delete view ${v.name}`} className="secondary small-button">
                  Delete
                </ConfirmButton>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form action={formAction} className="stack" aria-label="Save this view" noValidate>
        <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
        <input type="hidden" name="page" value={page} />
        <input type="hidden" name="path" value={path} />
        <input type="hidden" name="query" value={query} />
        <TextField label="Save this view as…" name="name" defaultValue={state.ok ? '' : sentText(state.values).name} errors={state.errors?.name} required />
        <div>
          <SubmitButton>Save view</SubmitButton>
        </div>
      </form>
    </section>
  );
}
