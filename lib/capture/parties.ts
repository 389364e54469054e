import type { CaptureParty } from './types';
import { findPhrase, phraseForms, type Token } from './words';

// How articles name a side: by its name or short name, by the adjective of its people ("Russian",
// "Ukrainian") and by its capital or seat of power ("the Kremlin", "Kyiv", "Washington"). The table
// holds the states and blocs negotiations commonly seat; a party it lacks is still found by its name.

const ALSO_CALLED: Record<string, readonly string[]> = {
  'united states': ['US', 'U.S.', 'USA', 'America', 'American', 'Americans', 'Washington', 'White House', 'Pentagon'],
  russia: ['Russian', 'Russians', 'Russian Federation', 'Moscow', 'Kremlin', 'Россия', 'России', 'Москва', 'Кремль', 'Росія', 'Москва'],
  ukraine: ['Ukrainian', 'Ukrainians', 'Kyiv', 'Kiev', 'Украина', 'Украины', 'Киев', 'Україна', 'України', 'Київ'],
  china: ['Chinese', 'Beijing', 'PRC'],
  'european union': ['EU', 'Brussels', 'European Commission'],
  'united kingdom': ['UK', 'Britain', 'British', 'London', 'Downing Street'],
  france: ['French', 'Paris', 'Élysée', 'Elysee'],
  germany: ['German', 'Berlin'],
  india: ['Indian', 'New Delhi', 'Delhi'],
  brazil: ['Brazilian', 'Brasília', 'Brasilia'],
  japan: ['Japanese', 'Tokyo'],
  iran: ['Iranian', 'Tehran'],
  israel: ['Israeli', 'Jerusalem'],
  turkey: ['Turkish', 'Ankara', 'Türkiye'],
  nato: ['Nato', 'North Atlantic Treaty Organization', 'Alliance'],
  'coalition of the willing': ['volunteer coalition'],
};

// "US" is a pronoun in lower case ("told us"): a short all-capital name is only found as written.
function writtenAsIs(name: string, text: string, words: readonly Token[], at: number): boolean {
  if (name.replace(/\./g, '').length > 3 || name !== name.toUpperCase()) return true;
  const written = text.slice(words[at].start, words[at].end);
  return written === written.toUpperCase();
}

/** The parties a text names, in the order of the negotiation's list. */
export function partiesNamed(text: string, words: readonly Token[], parties: readonly CaptureParty[]): number[] {
  return parties
    .filter((party) => {
      const names = [party.name, party.shortName, ...(ALSO_CALLED[party.name.toLowerCase()] ?? [])];
      return names.some((name) => findPhrase(words, phraseForms(name)).some((at) => writtenAsIs(name, text, words, at)));
    })
    .map((party) => party.id);
}
