import { z } from 'zod';
import { ISSUE_STATUSES, PRIORITIES } from '@/lib/domain';
import { enumField, id, isoDate, openedVersion, optionalId, optionalIsoDate, optionalText, requiredText } from './fields';

export const IssueSchema = z.object({
  negotiationId: id('Negotiation'),
  title: requiredText('Title', 200),
  description: optionalText(5000),
  status: enumField(ISSUE_STATUSES, 'status'),
  priority: enumField(PRIORITIES, 'priority'),
  keyDate: optionalIsoDate('Key date'),
  keyDateLabel: optionalText(200),
  keywords: z
    .string()
    .optional()
    .transform((v) => keywordLines(v ?? ''))
    .refine((v) => v.length <= 2000, 'At most 2000 characters of keywords.'),
});
/** Keywords may be left out by scripts and tests: none. */
export type IssueInput = Omit<z.infer<typeof IssueSchema>, 'keywords'> & { keywords?: string };

/** Keywords as typed (separated by commas or lines) as stored: trimmed, one a line, each once. */
export function keywordLines(typed: string): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const word of typed.split(/[,\n;]/)) {
    const k = word.trim().replace(/\s+/g, ' ');
    if (k && !seen.has(k.toLowerCase())) {
      seen.add(k.toLowerCase());
      kept.push(k);
    }
  }
  return kept.join('\n');
}

/** The stored keywords of an issue as a list. */
export const keywordList = (stored: string | null | undefined): string[] => (stored ? stored.split('\n').filter(Boolean) : []);

export const StatusChangeSchema = z.object({
  issueId: id('Issue'),
  status: enumField(ISSUE_STATUSES, 'status'),
  changedOn: isoDate('Date of the change'),
  note: optionalText(2000),
  roundId: optionalId,
  sourceId: optionalId,
  version: openedVersion,
});
export type StatusChangeInput = z.infer<typeof StatusChangeSchema>;

/** Editing an issue: its status changes only through the status form, so it is not here. */
export const IssueEditSchema = IssueSchema.omit({ negotiationId: true, status: true }).extend({
  issueId: id('Issue'),
  version: openedVersion,
});
