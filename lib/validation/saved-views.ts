import { z } from 'zod';
import { id, requiredText } from './fields';

/** The pages a view can be saved for. */
export const VIEW_PAGES = ['dashboard', 'homework', 'timeline'] as const;

/** A query string as the page's filter form produced it: no leading "?", only key=value pairs. */
const queryString = z
  .string()
  .trim()
  .max(1000, 'The filters are too long to save.')
  .default('')
  .transform((v) => new URLSearchParams(v.replace(/^\?/, '')).toString());

export const SavedViewSchema = z.object({
  page: z.enum(VIEW_PAGES, { error: 'Unknown page.' }),
  name: requiredText('Name', 80),
  query: queryString,
});
export type SavedViewInput = z.infer<typeof SavedViewSchema>;

export const DeleteViewSchema = z.object({ viewId: id('View') });
