import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { corroborations, issues, updateIssues, updates, updateSources } from '@/db/schema';

export const issueIdByTitle = (db: DB, title: string) => db.select({ id: issues.id }).from(issues).where(eq(issues.title, title)).get()!.id;

export const groupIdByLabel = (db: DB, label: string) => db.select({ id: corroborations.id }).from(corroborations).where(eq(corroborations.label, label)).get()!.id;

/** An update row as the (separately built) update log would write it: body, date, issues and sources. */
export function insertUpdate(db: DB, input: { negotiationId: number; authorId: number; body: string; occurredOn: string; issueIds?: number[]; sourceIds?: number[] }): number {
  const id = db
    .insert(updates)
    .values({ negotiationId: input.negotiationId, authorId: input.authorId, body: input.body, occurredOn: input.occurredOn })
    .returning({ id: updates.id })
    .get().id;
  for (const targetId of input.issueIds ?? []) db.insert(updateIssues).values({ updateId: id, targetId }).run();
  for (const targetId of input.sourceIds ?? []) db.insert(updateSources).values({ updateId: id, targetId }).run();
  return id;
}

export const updateIdByText = (db: DB, fragment: string) =>
  db
    .select({ id: updates.id, body: updates.body })
    .from(updates)
    .all()
    .find((u) => u.body.includes(fragment))!.id;
