import { label } from '@/lib/domain';

/**
 * A party's column in an issue × party table: its short name (full name on hover) and its role at the table.
 * `empty`: no row shows a position of the party, so a reader may fold the column away (WideMatrix).
 */
export function PartyColumnHeader({ party, empty = false }: { party: { name: string; shortName: string; role: string }; empty?: boolean }) {
  return (
    <th scope="col" data-party={party.name} data-empty-party={empty || undefined}>
      <abbr title={party.name}>{party.shortName}</abbr> <span className="muted small">({label(party.role)})</span>
    </th>
  );
}
