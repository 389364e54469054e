export type ChainOutlet = { outlet: string; reliability: string };

/** "TASS via El País": where a claim comes from, then who relayed it, each with its reliability grade. */
export function SourceChain({ chain }: { chain: ChainOutlet[] }) {
  if (chain.length === 0) return null;
  const fromOrigin = [...chain].reverse();
  return (
    <span className="source-chain">
      {fromOrigin.map((c, i) => (
        <span key={i}>
          {i > 0 && ' via '}
          <strong>{c.outlet}</strong> <abbr title="Source reliability (Admiralty scale A–F)">({c.reliability})</abbr>
        </span>
      ))}
    </span>
  );
}
