import { label } from '@/lib/domain';

/** A party's column in an issue × party table: its short name (full name on hover) and its role at the table. */
export function PartyColumnHeader({ party }: { party: { name: string; shortName: string; role: string } }) {
  return (
    <th scope="col">
      <abbr title={party.name}>{party.shortName}</abbr> <span className="muted small">({label(party.role)})</span>
    </th>
  );
}
