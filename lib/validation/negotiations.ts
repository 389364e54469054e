import { z } from 'zod';
import { MEMBER_ROLES, NEGOTIATION_ACCESS, PARTY_ROLES } from '@/lib/domain';
import { normalizeMarking } from '@/lib/access';
import { enumField, id, optionalText, requiredText } from './fields';

/** A handling marking: a preset (TLP:AMBER) or the team's own words; empty for none. */
export const markingField = optionalText(120).transform(normalizeMarking);

export const NegotiationSchema = z.object({
  name: requiredText('Name', 200),
  description: optionalText(5000),
  marking: markingField,
  // Absent: unchanged (a new negotiation is always restricted to its creator at first).
  access: enumField(NEGOTIATION_ACCESS, 'who may read it').optional(),
});
export type NegotiationInput = z.infer<typeof NegotiationSchema>;

export const MemberSchema = z.object({
  negotiationId: id('Negotiation'),
  userId: id('User'),
  role: enumField(MEMBER_ROLES, 'role in this negotiation'),
});
export type MemberInput = z.infer<typeof MemberSchema>;

export const RemoveMemberSchema = z.object({ negotiationId: id('Negotiation'), userId: id('User') });

export const PartySchema = z.object({
  name: requiredText('Name', 200),
  shortName: requiredText('Short name', 20),
  description: optionalText(2000),
});
export type PartyInput = z.infer<typeof PartySchema>;

export const NegotiationPartySchema = z.object({
  negotiationId: id('Negotiation'),
  partyId: id('Party'),
  role: enumField(PARTY_ROLES, 'role'),
  note: optionalText(500),
});
export type NegotiationPartyInput = z.infer<typeof NegotiationPartySchema>;

export const ActorSchema = z.object({
  name: requiredText('Name', 200),
  title: optionalText(200),
  partyId: id('Party'),
});
export type ActorInput = z.infer<typeof ActorSchema>;
