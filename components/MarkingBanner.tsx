import { MARKING_PRESETS } from '@/lib/domain';

/** The preset's colours (FIRST's TLP 2.0: red, amber, green, clear on black); the team's own words in plain ink. */
function colourOf(marking: string): string {
  const preset = MARKING_PRESETS.find((p) => marking.toUpperCase().startsWith(p));
  return preset ? `tlp-${preset.slice(4).toLowerCase()}` : '';
}

/** A negotiation's handling marking, shown at the top of each of its pages; nothing when it has none. */
export function MarkingBanner({ marking }: { marking: string | null | undefined }) {
  if (!marking) return null;
  return (
    <p className={`marking ${colourOf(marking)}`} role="note" aria-label="Handling marking">
      {marking}
    </p>
  );
}
