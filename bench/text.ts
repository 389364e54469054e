// Word lists for the benchmark's generated text: analysts' prose, with some Russian and Ukrainian
// sentences, so the full-text index and the pages see realistic lengths and alphabets.

export type Rng = () => number;

/** mulberry32: a tiny, fast, seeded PRNG; the same seed always gives the same instance. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const chance = (rng: Rng, p: number) => rng() < p;

export const TOPICS = [
  'ceasefire', 'prisoner exchange', 'security guarantees', 'sanctions relief', 'territorial control',
  'demilitarised zone', 'grain corridor', 'energy infrastructure', 'nuclear plant', 'humanitarian access',
  'troop withdrawal', 'monitoring mission', 'reconstruction fund', 'frozen assets', 'maritime passage',
  'arms control', 'missile deployment', 'verification regime', 'border crossings', 'refugee returns',
  'elections', 'language rights', 'church property', 'water supply', 'electricity grid',
];

const SUBJECTS = [
  'The delegation', 'The mediator', 'The chief negotiator', 'A senior official', 'The foreign ministry',
  'The defence ministry', 'A spokesperson', 'The working group', 'The technical team', 'The envoy',
  'Military representatives', 'The presidential office', 'An adviser close to the talks', 'The host country',
];
const VERBS = [
  'proposed', 'rejected', 'welcomed', 'questioned', 'conditioned its support for', 'reiterated its position on',
  'signalled flexibility on', 'demanded guarantees on', 'tabled a draft on', 'asked for more time on',
  'linked progress to', 'refused to discuss', 'accepted in principle', 'called for verification of',
];
const QUALIFIERS = [
  'before the next round', 'in the coming weeks', 'according to two people familiar with the talks',
  'after a long night session', 'without giving details', 'in a written statement', 'under pressure from allies',
  'as a first step', 'subject to parliamentary approval', 'pending a technical review', 'behind closed doors',
  'on the margins of the plenary', 'in a phased sequence', 'with international observers present',
];
const CYRILLIC = [
  'Стороны обсудили вопрос обмена пленными.',
  'Делегация настаивает на гарантиях безопасности.',
  'Переговоры продолжатся на следующей неделе.',
  'Посредник предложил новый текст соглашения.',
  'Сторони погодилися на технічні консультації.',
  'Позиція щодо припинення вогню не змінилася.',
  'Министерство иностранных дел опровергло сообщения.',
  'Рабочая группа подготовит проект к следующему раунду.',
];

export function sentence(rng: Rng): string {
  if (chance(rng, 0.12)) return pick(rng, CYRILLIC);
  return `${pick(rng, SUBJECTS)} ${pick(rng, VERBS)} ${pick(rng, TOPICS)} ${pick(rng, QUALIFIERS)}.`;
}

export function paragraph(rng: Rng, min: number, max: number): string {
  const n = int(rng, min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(rng));
  return out.join(' ');
}

export const OUTLETS: { outlet: string; reliability: string }[] = [
  { outlet: 'Financial Times', reliability: 'B' },
  { outlet: 'El País', reliability: 'B' },
  { outlet: 'Reuters', reliability: 'A' },
  { outlet: 'Associated Press', reliability: 'A' },
  { outlet: 'TASS', reliability: 'D' },
  { outlet: 'RIA Novosti', reliability: 'D' },
  { outlet: 'Ukrainska Pravda', reliability: 'C' },
  { outlet: 'Kyiv Independent', reliability: 'C' },
  { outlet: 'Le Monde', reliability: 'B' },
  { outlet: 'Der Spiegel', reliability: 'B' },
  { outlet: 'Kommersant', reliability: 'C' },
  { outlet: 'Official statement', reliability: 'B' },
  { outlet: 'Telegram channel', reliability: 'E' },
  { outlet: 'Anonymous briefing', reliability: 'F' },
];

export const PARTIES: [string, string][] = [
  ['United States', 'US'], ['Russian Federation', 'RU'], ['Ukraine', 'UA'], ['China', 'CN'],
  ['European Union', 'EU'], ['Türkiye', 'TR'], ['United Arab Emirates', 'UAE'], ['Saudi Arabia', 'SA'],
  ['NATO', 'NATO'], ['Coalition of the willing', 'Coalition'], ['United Kingdom', 'UK'], ['France', 'FR'],
  ['Germany', 'DE'], ['Poland', 'PL'], ['Qatar', 'QA'], ['India', 'IN'],
];

export const VENUES = ['Geneva', 'Istanbul', 'Abu Dhabi', 'Riyadh', 'Vienna', 'Doha', 'Helsinki', 'Jeddah', 'Oslo', 'Ankara', 'Minsk', 'Rome'];

export const FIRST_NAMES = ['Anna', 'Rustem', 'Kirill', 'Steve', 'Jared', 'Marco', 'Olena', 'Dmitry', 'Hakan', 'Wang', 'Ursula', 'Кирилл', 'Олена', 'Сергей', 'Andriy', 'Lise'];
export const LAST_NAMES = ['Umerov', 'Dmitriev', 'Witkoff', 'Kushner', 'Budanov', 'Fidan', 'Yi', 'Lavrov', 'Medinsky', 'Smith', 'Шевченко', 'Петров', 'Novak', 'Rossi', 'Dubois', 'Kowalski'];
