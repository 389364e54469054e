import { z } from 'zod';
import { PARTY_ROLES } from '@/lib/domain';
import { enumField, id, openedVersion, optionalText, requiredText } from './fields';

export const NegotiationSchema = z.object({
  name: requiredText('Name', 200),
  description: optionalText(5000),
});
export type NegotiationInput = z.infer<typeof NegotiationSchema>;
export const NegotiationEditSchema = NegotiationSchema.extend({ version: openedVersion });

export const PartySchema = z.object({
  name: requiredText('Name', 200),
  shortName: requiredText('Short name', 20),
  description: optionalText(2000),
});
export type PartyInput = z.infer<typeof PartySchema>;
export const PartyEditSchema = PartySchema.extend({ version: openedVersion });

export const NegotiationPartySchema = z.object({
  negotiationId: id('Negotiation'),
  partyId: id('Party'),
  role: enumField(PARTY_ROLES, 'role'),
  note: optionalText(500),
  // The seat's version when the form was opened; 0 on the form that seats a party not yet at the table.
  version: openedVersion,
});
export type NegotiationPartyInput = z.infer<typeof NegotiationPartySchema>;

export const ActorSchema = z.object({
  name: requiredText('Name', 200),
  title: optionalText(200),
  partyId: id('Party'),
});
export type ActorInput = z.infer<typeof ActorSchema>;
