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
});
export type IssueInput = z.infer<typeof IssueSchema>;

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
