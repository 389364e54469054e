// Need to know (docs/decisions/0017): the role a user has in one negotiation, defined once.
import { hasRole } from './roles';
import { parseId } from './ids';
import { MEMBER_ROLES, type MemberRole, type NegotiationAccess, type Role } from './domain';

/**
 * The role `user` has in a negotiation, or null when they may not know it exists.
 *
 * Admins: admin everywhere. An open negotiation: the user's own role. A restricted one: the role of their
 * membership, never above their own (a viewer made an analyst member still only reads); no membership, no access.
 */
export function effectiveRole(userRole: Role, access: NegotiationAccess, membership: MemberRole | null): Role | null {
  if (userRole === 'admin') return 'admin';
  if (access === 'open') return userRole;
  if (membership === null) return null;
  return hasRole(userRole, membership) ? membership : userRole;
}

/** A marking as stored: trimmed, inner runs of white space made one space; '' is "no marking". */
export function normalizeMarking(marking: string): string {
  return marking.replace(/\s+/g, ' ').trim();
}

/** The role a member gets when none is named: what their own role allows, at most analyst. */
export function defaultMemberRole(userRole: Role): MemberRole {
  return userRole === 'viewer' ? 'viewer' : 'analyst';
}

/**
 * A membership as the shell names it (`--negotiation 12` or `--negotiation 12:viewer`), or the reason it is not one.
 * Without a role the member gets `defaultMemberRole`.
 */
export function parseMembershipArg(text: string, userRole: Role): { negotiationId: number; role: MemberRole } | { problem: string } {
  const [idText, roleText, ...rest] = text.trim().split(':');
  const negotiationId = parseId(idText);
  if (negotiationId === null || rest.length > 0) return { problem: `"${text}" is not a negotiation id, optionally with :viewer or :analyst.` };
  if (roleText === undefined) return { negotiationId, role: defaultMemberRole(userRole) };
  if (!(MEMBER_ROLES as readonly string[]).includes(roleText)) return { problem: `"${roleText}" is not a role in a negotiation: viewer or analyst.` };
  return { negotiationId, role: roleText as MemberRole };
}
