import { z } from 'zod';
import { MEMBER_ROLES, NEGOTIATION_ACCESS, PARTY_ROLES } from '@/lib/domain';
import { normalizeMarking } from '@/lib/access';
import { enumField, id, openedVersion, optionalIsoDate, optionalText, requiredText } from './fields';

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
export const NegotiationEditSchema = NegotiationSchema.extend({ version: openedVersion });

export const MemberSchema = z.object({
  negotiationId: id('Negotiation'),
  userId: id('User'),
  role: enumField(MEMBER_ROLES, 'role in this negotiation'),
});
export type MemberInput = z.infer<typeof MemberSchema>;

export const RemoveMemberSchema = z.object({ negotiationId: id('Negotiation'), userId: id('User') });

// A party's own fields; what a negotiation says of it is on its seat (NegotiationPartySchema).
export const PartySchema = z.object({
  name: requiredText('Name', 200),
  shortName: requiredText('Short name', 20),
});
export type PartyInput = z.infer<typeof PartySchema>;
export const PartyEditSchema = PartySchema.extend({ version: openedVersion });

export const NegotiationPartySchema = z.object({
  negotiationId: id('Negotiation'),
  partyId: id('Party'),
  role: enumField(PARTY_ROLES, 'role'),
  description: optionalText(2000),
  note: optionalText(500),
  // The seat's version when the form was opened; 0 on the form that seats a party not yet at the table.
  version: openedVersion,
});
export type NegotiationPartyInput = z.infer<typeof NegotiationPartySchema>;

const affiliationDates = {
  startsOn: optionalIsoDate('From'),
  endsOn: optionalIsoDate('To'),
};
const toAfterFrom = (a: { startsOn: string | null; endsOn: string | null }) => !a.startsOn || !a.endsOn || a.startsOn <= a.endsOn;
const TO_BEFORE_FROM = { message: 'To must be on or after From.', path: ['endsOn'] };

/** A person added to a party in a negotiation: a person of that name already here is reused. */
export const ActorSchema = z
  .object({
    name: requiredText('Name', 200),
    negotiationId: id('Negotiation'),
    partyId: id('Party'),
    title: optionalText(200),
    ...affiliationDates,
  })
  .refine(toAfterFrom, TO_BEFORE_FROM);
export type ActorInput = z.infer<typeof ActorSchema>;

/** A correction of whom someone speaks for in a negotiation: their title there and when. */
export const AffiliationSchema = z.object({ title: optionalText(200), ...affiliationDates }).refine(toAfterFrom, TO_BEFORE_FROM);
export type AffiliationInput = z.infer<typeof AffiliationSchema>;
export const AffiliationEditSchema = z
  .object({ title: optionalText(200), ...affiliationDates, version: openedVersion })
  .refine(toAfterFrom, TO_BEFORE_FROM);
