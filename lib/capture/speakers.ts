import { partiesNamed } from './parties';
import { peopleNamed } from './sentences';
import { UNATTRIBUTED, type CaptureActor, type CaptureParty, type ProposedSpeaker } from './types';
import { findPhrase, phraseForms, tokens, type Token } from './words';

// Who says it: the subject of the sentence's verb of saying ("Lavrov said", "“…,” he added", "said
// Peskov"), matched to the negotiation's actors by full name, surname or title ("Russia's foreign
// minister", "the Kremlin's spokesman"); a pronoun or "the official" continues the speaker before it.
// Whoever is named but is not an actor of the negotiation keeps the words the article uses for them.

const SPEECH_VERBS = [
  'say', 'says', 'said', 'saying', 'told', 'tells', 'added', 'adds', 'announced', 'announces', 'warned', 'warns',
  'cautioned', 'described', 'describes', 'explained', 'explains', 'responded', 'responds', 'concluded', 'affirmed',
  'insisted', 'insists', 'stated', 'declared', 'declares', 'celebrated', 'dismissed', 'indicated', 'noted', 'notes',
  'argued', 'argues', 'claimed', 'claims', 'stressed', 'stresses', 'urged', 'urges', 'called', 'calls', 'presented',
  'reiterated', 'confirmed', 'confirms', 'denied', 'denies', 'wrote', 'writes', 'tweeted', 'posted', 'replied',
  'acknowledged', 'admitted', 'suggested', 'predicted', 'promised', 'vowed', 'pledged', 'countered', 'complained',
  'сказал', 'сказала', 'заявил', 'заявила', 'сообщил', 'сообщила', 'отметил', 'отметила', 'подчеркнул', 'подчеркнула',
  'добавил', 'добавила', 'пояснил', 'пояснила', 'назвал', 'назвала',
  'сказав', 'заявив', 'повідомив', 'повідомила', 'зазначив', 'зазначила', 'наголосив', 'наголосила', 'додав', 'додала',
];
const VERB = new RegExp(`(?<![\\p{L}])(?:${SPEECH_VERBS.join('|')}|according to)(?![\\p{L}])`, 'iu');

const PRONOUN = /^(?:he|she|they|it|он|она|они|він|вона|вони)$/iu;
const LEADING = /^(?:but|and|yet|so|however|meanwhile|now|then|а|но|і|та|але)\s+/iu;
const INTRO = /^(?:in|at|after|before|despite|as|although|though|while|when|under|since|regarding|for|following|speaking|asked|earlier|later|on|during|in an|with)\b/iu;
const TRAILING = /\s+(?:nonetheless|also|only|however|has|have|had|was|were|later|then|previously|again|repeatedly|publicly|reportedly|already|once|had also|has also|has only|also only|earlier|on \w+day)$/iu;
const HONORIFIC = /^(?:gen\.?|general|dr\.?|mr\.?|mrs\.?|ms\.?|adm\.?|admiral|col\.?|lt\.?|sir|dame|prof\.?|president|minister)\s+/i;

const ROLE_NOUNS = new Set(
  ['minister', 'president', 'envoy', 'spokesperson', 'secretary', 'commander', 'chief', 'negotiator', 'ambassador', 'head',
    'chancellor', 'premier', 'leader', 'director', 'representative', 'adviser', 'advisor', 'chair', 'commissioner', 'king',
    'emir', 'prince', 'mayor', 'governor', 'general'].map((w) => phraseForms(w)[0]),
);
const TITLE_WORDS_IGNORED = new Set(['of', 'the', 'a', 'an', 'in', 'for', 'and', 'to', 'at', 'on', 'with', 'former', 'senior'].map((w) => phraseForms(w)[0]));

/** Titles spelled several ways, read as one ("the Kremlin's spokesman" is its press secretary). */
function sameTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/press secretary|spokes(?:man|woman|person)/g, 'spokesperson')
    .replace(/defense/g, 'defence')
    .replace(/foreign secretary/g, 'foreign minister')
    .replace(/prime minister/g, 'premier');
}

type Mention = { actor: CaptureActor; at: number; by: 'name' | 'title' };

function nameForms(actor: CaptureActor): string[][] {
  const full = actor.name.replace(HONORIFIC, '').trim();
  const forms = phraseForms(full);
  const names = [forms];
  if (forms.length > 1 && forms[forms.length - 1].length >= 3) names.push([forms[forms.length - 1]]);
  return names.filter((n) => n.length > 0);
}

/** Actors named in `words` by full name or surname, earliest first. */
function namedActors(words: readonly Token[], actors: readonly CaptureActor[]): Mention[] {
  const mentions: Mention[] = [];
  for (const actor of actors) {
    const at = nameForms(actor).flatMap((name) => findPhrase(words, name));
    if (at.length) mentions.push({ actor, at: Math.min(...at), by: 'name' });
  }
  return mentions.sort((a, b) => a.at - b.at);
}

/** The actor a description fits: every word of one part of their title, and their party named beside it. */
function titledActor(subject: string, actors: readonly CaptureActor[], parties: readonly CaptureParty[]): CaptureActor | null {
  const words = tokens(sameTitle(subject));
  const forms = new Set(words.map((w) => w.form));
  const partyWords = new Set(parties.flatMap((p) => [...phraseForms(p.name), ...phraseForms(p.shortName)]));
  const named = new Set(partiesNamed(subject, tokens(subject), parties));
  // "Trump's special envoy": a party is also named by one of its people.
  for (const mention of namedActors(tokens(subject), actors)) if (mention.actor.partyId !== null) named.add(mention.actor.partyId);
  for (const actor of actors) {
    for (const part of sameTitle(actor.title).split(/[;,()]/)) {
      const role = phraseForms(part).filter((f) => !TITLE_WORDS_IGNORED.has(f) && !partyWords.has(f));
      if (!role.some((f) => ROLE_NOUNS.has(f))) continue;
      if (!role.every((f) => forms.has(f))) continue;
      if (actor.partyId === null || named.has(actor.partyId)) return actor;
    }
  }
  // "The commissioner", "the Chinese envoy": a shorter title fits when only one actor (of the side named) holds it.
  const nouns = [...forms].filter((f) => ROLE_NOUNS.has(f));
  if (nouns.length === 0) return null;
  const holders = actors.filter((actor) => {
    const title = new Set(phraseForms(sameTitle(actor.title)));
    return nouns.every((f) => title.has(f)) && (named.size === 0 || (actor.partyId !== null && named.has(actor.partyId)));
  });
  const people = new Set(holders.map((a) => a.actorId));
  return people.size === 1 ? holders[0] : null;
}

const asSpeaker = (actor: CaptureActor): ProposedSpeaker => ({ name: actor.name, actorId: actor.actorId, partyId: actor.partyId });

export const unattributed = (): ProposedSpeaker => ({ name: UNATTRIBUTED, actorId: null, partyId: null });

/** Text with its quotes blanked out (same length, so positions hold): who speaks is said outside them. */
export function withoutQuotes(text: string, quotes: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const q of quotes) out = out.slice(0, q.start) + ' '.repeat(q.end - q.start) + out.slice(q.end);
  return out;
}

/** The words before the verb that name who speaks: an opening phrase ("In an interview, …") left out. */
function subjectBefore(masked: string, verbAt: number): string {
  let region = masked.slice(0, verbAt).replace(/^[\s,.;:—–-]+/, '');
  // After a quote ("“…,” he said"), only the words between it and the verb name the speaker.
  const gaps = [...region.matchAll(/ {3,}/g)];
  const lastGap = gaps.at(-1);
  if (lastGap) region = region.slice(lastGap.index + lastGap[0].length);
  region = region.replace(/^[\s,.;:—–-]+/, '').replace(LEADING, '');
  if (INTRO.test(region) && region.includes(',')) region = region.slice(region.indexOf(',') + 1);
  return region.trim();
}

function cleanSubject(subject: string): string {
  let s = subject.replace(/[\s,;:—–-]+$/, '').replace(LEADING, '');
  for (let i = 0; i < 3; i++) s = s.replace(TRAILING, '');
  return s.split(/,\s*/)[0].trim();
}

/**
 * The speaker of one sentence, or null when it names none (no verb of saying): the caller decides
 * whether that means "unattributed". `previous` is the speaker of the sentences before.
 */
export function speakerOf(
  sentence: string,
  quotes: readonly { start: number; end: number }[],
  actors: readonly CaptureActor[],
  parties: readonly CaptureParty[],
  previous: ProposedSpeaker | null,
): ProposedSpeaker | null {
  const masked = withoutQuotes(sentence, quotes);
  const verb = VERB.exec(masked);
  if (!verb) return null;
  const verbAt = verb.index;
  const according = verb[0].toLowerCase() === 'according to';
  let subject = according ? masked.slice(verbAt + verb[0].length).split(/[,.;:]/)[0] : subjectBefore(masked, verbAt);
  // "“…,” said Peskov": nothing but the quote before the verb, so the speaker follows it.
  if (!/\p{L}/u.test(subject)) subject = masked.slice(verbAt + verb[0].length).split(/[,.;:]/)[0];
  const cleaned = cleanSubject(subject);
  if (PRONOUN.test(cleaned)) return previous && previous.name !== UNATTRIBUTED ? previous : unattributed();
  const byName = namedActors(tokens(subject), actors)[0];
  if (byName) return asSpeaker(byName.actor);
  const byTitle = titledActor(subject, actors, parties);
  if (byTitle) return asSpeaker(byTitle);
  // "The official said…" after "A Ukrainian official said…": the same person.
  const definite = /^the\s+(?:\p{L}+\s+){0,2}(\p{L}+)$/iu.exec(cleaned);
  if (definite && previous && previous.name.toLowerCase().includes(definite[1].toLowerCase())) return previous;
  const person = peopleNamed(subject)[0];
  const name = person?.name ?? cleaned;
  if (!/\p{L}/u.test(name)) return null;
  const words = name.split(/\s+/);
  const partyId = partiesNamed(subject, tokens(subject), parties)[0] ?? null;
  return { name: words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : name, actorId: null, partyId };
}

/**
 * The actor a sentence without a verb of saying is about, when it opens with them ("India's commerce
 * minister, Arjun Mehta, was more guarded."): the "he said" that follows is theirs.
 */
export function subjectActor(sentence: string, quotes: readonly { start: number; end: number }[], actors: readonly CaptureActor[]): ProposedSpeaker | null {
  const mention = namedActors(tokens(withoutQuotes(sentence, quotes)), actors)[0];
  return mention && mention.at < 8 ? asSpeaker(mention.actor) : null;
}
