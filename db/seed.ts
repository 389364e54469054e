// The demo data set (DOMAIN.md, "Worked example"), built only from the two seed
// articles in /work/shared/seeds: the Financial Times and El País (English) on the
// second Abu Dhabi round, which ended on Thursday 5 February 2026.
//
// Every position, status change, outcome and update cites a source row whose
// `quote` is copied verbatim from one of the two articles. Dates the texts do not
// give exactly are approximate and say so (publishedOnApprox, approxDate, notes).

import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import type { Tx } from './types';
import {
  actors,
  convergence,
  corroborations,
  corroborationUpdates,
  homework,
  homeworkOwners,
  issues,
  negotiationParties,
  negotiations,
  outcomes,
  parties,
  positions,
  roundAgenda,
  roundDelegations,
  rounds,
  sources,
  statusChanges,
  updateActors,
  updateIssues,
  updateParties,
  updates,
  updateSources,
} from './schema';
import type {
  Flexibility,
  HomeworkStatus,
  IssueStatus,
  PartyRole,
  Priority,
  Reliability,
  RoundFormat,
  RoundStatus,
  Stance,
} from '@/lib/domain';

export const DEMO_NEGOTIATION_NAME = 'Russia–Ukraine peace talks (US-mediated)';
export const DEMO_ARMS_CONTROL_NAME = 'US–Russia strategic stability';

const FT = 'Financial Times';
const FT_TITLE = 'US and Russian militaries to resume high-level talks';
const EP = 'El País';
const EP_TITLE = 'Talks on Ukraine end in another failure, but more are expected';
// Both reports were written on the Thursday the Abu Dhabi round ended; neither text carries a dateline.
const ARTICLE_DATE = '2026-02-05';

// Abu Dhabi round 2 ended on Thursday 5 February 2026; its first day is inferred.
const AD2_END = '2026-02-05';
const AD1_END = '2026-01-24';

/** Inserts the demo data set in one transaction; does nothing if it is already there. */
export function seedDemoData(db: DB, adminUserId: number): { created: boolean } {
  return db.transaction(
    (tx) => {
      const existing = tx
        .select({ id: negotiations.id })
        .from(negotiations)
        .where(eq(negotiations.name, DEMO_NEGOTIATION_NAME))
        .get();
      if (existing) return { created: false };
      insertDemoData(tx, adminUserId);
      return { created: true };
    },
    { behavior: 'immediate' },
  );
}

function insertDemoData(tx: Tx, by: number): void {
  // ---------------------------------------------------------------- helpers

  const party = (name: string, shortName: string, description: string): number => {
    const found = tx.select({ id: parties.id }).from(parties).where(eq(parties.name, name)).get();
    if (found) return found.id;
    return tx.insert(parties).values({ name, shortName, description, createdBy: by }).returning({ id: parties.id }).get().id;
  };

  const actor = (name: string, title: string, partyId: number): number => {
    const found = tx.select({ id: actors.id }).from(actors).where(eq(actors.name, name)).get();
    if (found) return found.id;
    return tx.insert(actors).values({ name, title, partyId }).returning({ id: actors.id }).get().id;
  };

  type SourceInput = {
    outlet: string;
    title: string;
    quote: string;
    publishedOn?: string | null;
    approx?: boolean;
    reliability: Reliability;
    credibility: number;
    cites?: number;
  };
  const source = (s: SourceInput): number =>
    tx
      .insert(sources)
      .values({
        outlet: s.outlet,
        title: s.title,
        url: null,
        publishedOn: s.publishedOn === undefined ? ARTICLE_DATE : s.publishedOn,
        publishedOnApprox: s.approx ?? true,
        quote: s.quote,
        reliability: s.reliability,
        credibility: s.credibility,
        citesSourceId: s.cites ?? null,
        createdBy: by,
      })
      .returning({ id: sources.id })
      .get().id;

  /** A claim as the Financial Times reports it. */
  const ft = (quote: string, credibility = 2, cites?: number) =>
    source({ outlet: FT, title: FT_TITLE, quote, reliability: 'B', credibility, cites });
  /** A claim as El País reports it. */
  const ep = (quote: string, credibility = 2, cites?: number) =>
    source({ outlet: EP, title: EP_TITLE, quote, reliability: 'B', credibility, cites });

  type IssueInput = {
    negotiationId: number;
    title: string;
    description: string;
    status: IssueStatus;
    priority: Priority;
    sortOrder: number;
    keyDate?: string;
    keyDateLabel?: string;
  };
  const issue = (i: IssueInput): number =>
    tx
      .insert(issues)
      .values({ ...i, keyDate: i.keyDate ?? null, keyDateLabel: i.keyDateLabel ?? '', createdBy: by })
      .returning({ id: issues.id })
      .get().id;

  type RoundInput = {
    negotiationId: number;
    sequence: number;
    name: string;
    venue: string;
    startsOn: string | null;
    endsOn: string | null;
    approxDate: string;
    format: RoundFormat;
    status: RoundStatus;
    summary: string;
    agenda: number[];
    delegations?: { partyId: number; head: string }[];
  };
  const round = (r: RoundInput): number => {
    const { agenda, delegations, ...values } = r;
    const id = tx
      .insert(rounds)
      .values({ ...values, createdBy: by })
      .returning({ id: rounds.id })
      .get().id;
    for (const issueId of agenda) tx.insert(roundAgenda).values({ roundId: id, issueId }).run();
    for (const d of delegations ?? []) tx.insert(roundDelegations).values({ roundId: id, ...d }).run();
    return id;
  };

  // The latest update date touching each issue, written to issues.lastActivityAt at the end.
  const lastActivity = new Map<number, string>();

  type UpdateInput = {
    negotiationId: number;
    occurredOn: string;
    roundId: number | null;
    body: string;
    issues?: number[];
    parties?: number[];
    actors?: number[];
    sources: number[];
  };
  const update = (u: UpdateInput): number => {
    const id = tx
      .insert(updates)
      .values({ negotiationId: u.negotiationId, occurredOn: u.occurredOn, roundId: u.roundId, body: u.body, authorId: by })
      .returning({ id: updates.id })
      .get().id;
    for (const targetId of u.issues ?? []) {
      tx.insert(updateIssues).values({ updateId: id, targetId }).run();
      const prev = lastActivity.get(targetId);
      if (!prev || prev < u.occurredOn) lastActivity.set(targetId, u.occurredOn);
    }
    for (const targetId of u.parties ?? []) tx.insert(updateParties).values({ updateId: id, targetId }).run();
    for (const targetId of u.actors ?? []) tx.insert(updateActors).values({ updateId: id, targetId }).run();
    for (const targetId of u.sources) tx.insert(updateSources).values({ updateId: id, targetId }).run();
    return id;
  };

  type PositionInput = {
    issueId: number;
    partyId: number;
    summary: string;
    stance: Stance;
    redLines?: string;
    flexibility: Flexibility;
    asOf: string;
    sourceId: number;
    roundId?: number | null;
    updateId?: number | null;
    supersedesId?: number | null;
    isCurrent?: boolean;
  };
  const position = (p: PositionInput): number =>
    tx
      .insert(positions)
      .values({
        ...p,
        redLines: p.redLines ?? '',
        roundId: p.roundId ?? null,
        updateId: p.updateId ?? null,
        supersedesId: p.supersedesId ?? null,
        isCurrent: p.isCurrent ?? true,
        createdBy: by,
      })
      .returning({ id: positions.id })
      .get().id;

  type StatusInput = {
    issueId: number;
    from: IssueStatus | null;
    to: IssueStatus;
    on: string;
    note: string;
    sourceId: number;
    roundId?: number | null;
    updateId?: number | null;
  };
  const status = (c: StatusInput): void => {
    tx.insert(statusChanges)
      .values({
        issueId: c.issueId,
        fromStatus: c.from,
        toStatus: c.to,
        changedOn: c.on,
        note: c.note,
        sourceId: c.sourceId,
        roundId: c.roundId ?? null,
        updateId: c.updateId ?? null,
        createdBy: by,
      })
      .run();
  };

  const outcome = (roundId: number, issueId: number | null, text: string, sourceId: number): void => {
    tx.insert(outcomes).values({ roundId, issueId, text, sourceId, createdBy: by }).run();
  };

  type HomeworkInput = {
    negotiationId: number;
    title: string;
    description: string;
    issueId: number | null;
    assignedRoundId: number;
    dueRoundId: number;
    status: HomeworkStatus;
    resolution?: string;
    vague?: boolean;
    owners: number[];
  };
  const task = (h: HomeworkInput): number => {
    const { owners, ...values } = h;
    const id = tx
      .insert(homework)
      .values({ ...values, resolution: values.resolution ?? '', vague: values.vague ?? false, createdBy: by })
      .returning({ id: homework.id })
      .get().id;
    for (const partyId of owners) tx.insert(homeworkOwners).values({ homeworkId: id, partyId }).run();
    return id;
  };

  const corroborate = (label: string, consistent: boolean | null, note: string, updateIds: number[]): void => {
    const id = tx
      .insert(corroborations)
      .values({ label, consistent, note, createdBy: by })
      .returning({ id: corroborations.id })
      .get().id;
    for (const updateId of updateIds) tx.insert(corroborationUpdates).values({ corroborationId: id, updateId }).run();
  };

  // ---------------------------------------------------------------- parties and actors

  const US = party('United States', 'US', 'Mediator of the Russia–Ukraine talks; party to New START.');
  const RU = party('Russia', 'RU', 'Party to the Russia–Ukraine talks; party to New START.');
  const UA = party('Ukraine', 'UA', 'Party to the Russia–Ukraine talks.');
  const CN = party('China', 'CN', 'Not at the table; the US wants it bound by a new arms-control treaty.');
  const NATO = party('NATO', 'NATO', 'North Atlantic Treaty Organization; its SACEUR is also the EUCOM commander.');
  const COALITION = party(
    'Coalition of the willing',
    'Coalition',
    'Western states ready to back security guarantees for postwar Ukraine (El País: "the volunteer coalition").',
  );

  const witkoff = actor('Steve Witkoff', 'US special envoy; head of the US delegation in Abu Dhabi', US);
  const kushner = actor('Jared Kushner', "President Trump's son-in-law; US delegation in Abu Dhabi", US);
  const trump = actor('Donald Trump', 'President of the United States', US);
  const grynkewich = actor(
    'Gen. Alexus Grynkewich',
    'Commander, US European Command (EUCOM); NATO Supreme Allied Commander Europe (SACEUR)',
    US,
  );
  const lavrov = actor('Sergei Lavrov', 'Russian foreign minister', RU);
  const peskov = actor('Dmitry Peskov', 'Kremlin press secretary', RU);
  const putin = actor('Vladimir Putin', 'President of Russia', RU);
  const gerasimov = actor('Gen. Valery Gerasimov', 'Chief of the general staff of the Russian armed forces', RU);
  const medinsky = actor('Vladimir Medinsky', 'Head of the Russian delegation in Istanbul', RU);
  const zelensky = actor('Volodymyr Zelensky', 'President of Ukraine', UA);
  const sibiga = actor('Andriy Sibiga', 'Ukrainian foreign minister', UA);

  // ---------------------------------------------------------------- negotiations

  const PEACE = tx
    .insert(negotiations)
    .values({
      name: DEMO_NEGOTIATION_NAME,
      description:
        'Talks between Russia and Ukraine mediated by the United States: direct talks in Istanbul in spring 2025, then trilateral rounds in Abu Dhabi from January 2026.',
      createdBy: by,
    })
    .returning({ id: negotiations.id })
    .get().id;
  const ARMS = tx
    .insert(negotiations)
    .values({
      name: DEMO_ARMS_CONTROL_NAME,
      description:
        'US–Russia arms control and military contacts: the expiry of New START, the last remaining agreement limiting nuclear weapons, and the restored military-to-military channel.',
      createdBy: by,
    })
    .returning({ id: negotiations.id })
    .get().id;

  const seat = (negotiationId: number, partyId: number, role: PartyRole, sortOrder: number, note = '') =>
    tx.insert(negotiationParties).values({ negotiationId, partyId, role, sortOrder, note }).run();
  seat(PEACE, US, 'mediator', 0, 'Delegation headed by Steve Witkoff with Jared Kushner in Abu Dhabi.');
  seat(PEACE, RU, 'party', 1);
  seat(PEACE, UA, 'party', 2);
  seat(PEACE, NATO, 'observer', 3, 'Gen. Grynkewich (EUCOM commander and SACEUR) met senior Russian and Ukrainian officials on the sidelines in Abu Dhabi.');
  seat(PEACE, COALITION, 'observer', 4, 'Would join in after Ukraine under the leaked security-guarantee plan.');
  seat(ARMS, US, 'party', 0);
  seat(ARMS, RU, 'party', 1);
  seat(ARMS, CN, 'observer', 2, 'Named by the US as a party it wants in a new treaty');

  // ---------------------------------------------------------------- sources

  // Outlets the two articles cite.
  const axios = source({
    outlet: 'Axios',
    title: 'New START: good-faith observance after expiry (as cited by El País)',
    quote: `the Kremlin and the White House are expected to respect the terms of the agreement for another six months`,
    reliability: 'C',
    credibility: 3,
  });
  const tass = source({
    outlet: 'TASS',
    title: "A Western source on Russia's Donbas demands (as cited by El País)",
    quote: `for Moscow, it is not only essential that the Ukrainian army withdraw from Donbas, but also that this territory be internationally recognized as Russian`,
    reliability: 'D',
    credibility: 3,
  });
  const rt = source({
    outlet: 'RT',
    title: 'Interview with Sergei Lavrov (as cited by the Financial Times)',
    quote: `Russia was prepared to share a border with Ukraine “for eternity” if it was “friendly, not necessarily allied with us, but neutral and good natured”`,
    reliability: 'E',
    credibility: 2,
  });
  const ftLeak = source({
    outlet: FT,
    title: 'Leaked security-guarantee plan (as cited by El País)',
    quote: `in the event of a Russian attack on Kyiv, the Ukrainian army would respond within the first 24 hours`,
    publishedOn: null,
    approx: false,
    reliability: 'B',
    credibility: 3,
  });

  // Financial Times.
  const ftMilMil = ft(
    `“The US and Russian Federation agreed today in Abu Dhabi to reestablish high-level military-to-military dialogue,” US European Command, which oversees American military operations in Europe, announced.`,
  );
  const ftChannel = ft(
    `“This channel will provide a consistent military-to-military contact as the parties continue to work towards a lasting peace,” Eucom said in a statement.`,
  );
  const ftGrynkewich = ft(
    `The agreement came after Eucom commander General Alexus Grynkewich, who is also Nato’s Supreme Allied Commander Europe (SACEUR), met with senior Russian and Ukrainian officials on the sidelines of the peace talks in Abu Dhabi.`,
  );
  const ftSuspended = ft(
    `The channel between the two militaries was suspended in 2021 during Joe Biden’s administration as tensions between Washington and Moscow grew because of Russia’s build-up of forces ahead of its full-scale invasion of Ukraine in February 2022.`,
  );
  const ftPow = ft(
    `The trilateral peace talks in the United Arab Emirates ended with an agreement between Russia and Ukraine to exchange 314 prisoners of war, but there was little tangible progress on the most contentious issues, and negotiators said the parties remained far from a political settlement.`,
  );
  const ftWitkoff = ft(
    `Steve Witkoff, Donald Trump’s special envoy who headed the US delegation with the president’s son-in-law Jared Kushner, said only that there were “detailed and productive” discussions between the sides and that “significant work remains”.`,
  );
  const ftEucom = ft(`Eucom said the talks made “productive and constructive progress”.`);
  const ftSwap = ft(
    `Witkoff added that the prisoner exchange agreement — the first swap in five months — demonstrated “that sustained diplomatic engagement is delivering tangible results and advancing efforts to end the war in Ukraine.”`,
  );
  const ftFarApart = ft(
    `senior Ukrainian officials with knowledge of the talks cautioned that the warring sides remained far apart on the core disputes around the Ukrainian-controlled eastern Donbas region and security guarantees for postwar Ukraine.`,
  );
  const ftNonsense = ft(
    `In an interview recorded before the talks and published shortly after they ended on Thursday, Lavrov said the security guarantees Ukraine was discussing with the US would not end the war “if the issues about a [final] settlement are not resolved” and dismissed them as “nonsense”.`,
    2,
    rt,
  );
  const ftEternity = ft(
    `Lavrov told state news channel RT that Russia was prepared to share a border with Ukraine “for eternity” if it was “friendly, not necessarily allied with us, but neutral and good natured”.`,
    2,
    rt,
  );
  const ftMaximalist = ft(
    `Russia’s foreign minister, Sergei Lavrov, also indicated that Moscow had no intention of dropping its maximalist goals for ending the war.`,
  );
  const ftSignificant = ft(
    `A Ukrainian official involved in the talks nonetheless described the progress in Abu Dhabi as significant, arguing that it was important for both Russian and Ukrainian militaries to be able to work together in advance of major political decisions.`,
    3,
  );
  const ftMechanics = ft(
    `The official warned that if political agreements were announced before the militaries are ready to act, it could take weeks to negotiate basic issues such as withdrawals, monitoring arrangements and the practical implementation of a ceasefire.`,
    3,
  );
  const ftNotSexy = ft(
    `The official described the work as “not sexy for the public at large” but essential, because a cessation of hostilities can quickly fall apart if there is no agreed way to monitor and secure an armistice.`,
    3,
  );
  const ftGuarantees = ft(
    `Under security guarantees discussed by Washington and Kyiv, the US is expected to provide resources including intelligence for monitoring a ceasefire and to act as a third party adjudicating any violations, including whether incidents are unintentional.`,
  );
  const ftHomework = ft(
    `The official said the meeting ended with “a list of homework” to take back to Kyiv, Moscow and Washington ahead of a next round of talks.`,
    3,
  );
  const ftComingWeeks = ft(
    `Witkoff said the discussions would continue “with additional progress anticipated in the coming weeks”.`,
  );

  // El País.
  const epFailure = ep(
    `However, in the end, no progress was made toward ending the conflict, while the only thing that has improved is the relationship between Moscow and Washington.`,
  );
  const epMilMil = ep(
    `Behind the scenes, both powers have agreed to resume high-level military dialogue, suspended in 2021 shortly before Russia's invasion of Ukraine`,
  );
  const epStability = ep(
    `In a statement, the Americans affirmed that this restoration is "an important factor for global stability and peace."`,
  );
  const epNewStart = ep(
    `are negotiating at the last minute to save the New START treaty, the last remaining agreement limiting nuclear weapons, which expires this Thursday, according to reports.`,
    3,
    axios,
  );
  const epGoodFaith = ep(
    `As reported by the US media outlet, the Kremlin and the White House are expected to respect the terms of the agreement for another six months, a period that would allow time to negotiate a possible new treaty, although experts consider this timeframe insufficient. In any case, it must first be ratified by Donald Trump and Vladimir Putin.`,
    3,
    axios,
  );
  const epPressing = ep(
    `The Russian president has been pressing his counterpart for months to accept a one-year extension of the agreement, and Trump has chosen to ignore him, fixated on the idea that a new document is needed that also compels China to halt its nuclear development.`,
  );
  const epPeskov = ep(
    `For now, the Russian president's press secretary, Dmitry Peskov, has only said that Russia is willing to begin a dialogue with the United States "if there are constructive responses to the initiative to extend the restrictions," although he has not confirmed that work is underway on an extension.`,
  );
  const epNoProgress = ep(
    `the reality is that there has been no progress on the core issues: the sovereignty of Donbas and security guarantees for Kyiv. However, the parties have agreed to continue discussing these issues in a third round in the coming weeks.`,
  );
  const epVeryClose = ep(`Although the US president has declared that the end of the conflict is "very close,"`);
  const ep157 = ep(
    `Steve Witkoff, present in Abu Dhabi, loudly announced the exchange of 157 Russian and Ukrainian prisoners on each side. The swap took place this afternoon on the Belarusian border, and Witkoff presented it as a "tangible" result of the talks.`,
  );
  const epOctober = ep(
    `In fact, the previous exchange was just in October, and several others had been carried out before that, some involving more than a thousand prisoners per side.`,
  );
  const epIstanbul = ep(
    `This was the sole outcome of the direct negotiations between Russia and Ukraine in Istanbul last spring, and at that time, US mediation was not necessary.`,
  );
  const epTass = ep(
    `A Western source involved in the talks explained to the Russian news agency TASS that, for Moscow, it is not only essential that the Ukrainian army withdraw from Donbas, but also that this territory be internationally recognized as Russian.`,
    3,
    tass,
  );
  const epZelensky = ep(
    `Volodymyr Zelensky responded that even if someone were to recognize Ukrainian territories as Russian, "it would be pointless," since only he has the authority to relinquish them. "Our territories are ours," he concluded.`,
  );
  const epUnacceptable = ep(`Regarding security guarantees, the versions leaked by Western allies are unacceptable to Russia.`);
  const epLeak = ep(
    `It is proposed that, in the event of a Russian attack on Kyiv, the Ukrainian army would respond within the first 24 hours. Members of the volunteer coalition would then join in, and finally, there would be an intervention involving the United States. This would avoid deploying foreign troops on Ukrainian territory, one of the Kremlin's red lines.`,
    3,
    ftLeak,
  );
  const epSibiga = ep(
    `Ukrainian Foreign Minister Andriy Sibiga, after the first round, celebrated the end of the "pseudo-historical conferences," referring to the defiant and lecturing tone of the head of the Russian delegation in Istanbul, Vladimir Medinsky. Now the talks are "very focused," he added.`,
  );
  const epGrynkewich = ep(
    `The decision to reestablish them was made at a meeting in the United Arab Emirates between General Alexus Grynkewich, head of US European Command, and senior Russian and Ukrainian military officials.`,
  );

  // ---------------------------------------------------------------- issues

  const donbas = issue({
    negotiationId: PEACE,
    title: 'Donbas status',
    description:
      'Sovereignty of the Ukrainian-controlled eastern Donbas region: whether the Ukrainian army withdraws and whether the territory is recognised as Russian.',
    status: 'deadlocked',
    priority: 'critical',
    sortOrder: 1,
  });
  const guarantees = issue({
    negotiationId: PEACE,
    title: 'Security guarantees',
    description: 'Guarantees for postwar Ukraine, discussed by Washington and Kyiv; unacceptable to Russia in the versions leaked so far.',
    status: 'under_discussion',
    priority: 'critical',
    sortOrder: 2,
  });
  const monitoring = issue({
    negotiationId: PEACE,
    title: 'Ceasefire monitoring',
    description:
      'How a ceasefire would be monitored and violations adjudicated; the US is expected to provide intelligence and act as a third party.',
    status: 'under_discussion',
    priority: 'high',
    sortOrder: 3,
  });
  const prisoners = issue({
    negotiationId: PEACE,
    title: 'Prisoner exchanges',
    description: 'Exchanges of prisoners of war between Russia and Ukraine.',
    status: 'agreed',
    priority: 'medium',
    sortOrder: 4,
  });
  const newStart = issue({
    negotiationId: ARMS,
    title: 'New START extension',
    description:
      'The last remaining agreement limiting nuclear weapons expires on 5 February 2026. Russia proposes a one-year extension; the US wants a new treaty that also binds China.',
    status: 'under_discussion',
    priority: 'critical',
    sortOrder: 1,
    keyDate: '2026-02-05',
    keyDateLabel: 'New START expires',
  });
  const goodFaith = issue({
    negotiationId: ARMS,
    title: 'Good-faith observance after expiry',
    description:
      'Reported (Axios, as cited by El País): both sides to respect the terms of New START for another six months after expiry, to allow time to negotiate a new treaty; to be ratified by Trump and Putin.',
    status: 'narrowing',
    priority: 'high',
    sortOrder: 2,
    keyDate: '2026-08-05',
    keyDateLabel: 'End of the reported six-month good-faith observance',
  });
  const milMil = issue({
    negotiationId: ARMS,
    title: 'Military-to-military dialogue',
    description: 'High-level dialogue between the US and Russian militaries, suspended in 2021.',
    status: 'agreed',
    priority: 'high',
    sortOrder: 3,
  });

  // ---------------------------------------------------------------- rounds

  const istanbul = round({
    negotiationId: PEACE,
    sequence: 1,
    name: 'Istanbul',
    venue: 'Istanbul',
    startsOn: '2025-05-16',
    endsOn: null,
    approxDate: 'spring 2025',
    format: 'direct',
    status: 'held',
    summary:
      'Direct talks between Russia and Ukraine, without US mediation. El País: a prisoner exchange "was the sole outcome of the direct negotiations between Russia and Ukraine in Istanbul last spring, and at that time, US mediation was not necessary." Ukrainian Foreign Minister Andriy Sibiga later criticised the "pseudo-historical conferences" of the head of the Russian delegation, Vladimir Medinsky.',
    agenda: [prisoners],
    delegations: [{ partyId: RU, head: 'Vladimir Medinsky' }],
  });
  const abuDhabi1 = round({
    negotiationId: PEACE,
    sequence: 2,
    name: 'Abu Dhabi round 1',
    venue: 'Abu Dhabi',
    startsOn: '2026-01-23',
    endsOn: AD1_END,
    approxDate: 'late January 2026 (dates approximate)',
    format: 'trilateral',
    status: 'held',
    summary:
      'First trilateral round mediated by the United States. Afterwards Ukrainian Foreign Minister Andriy Sibiga celebrated the end of the "pseudo-historical conferences"; now the talks are "very focused," he said (El País).',
    agenda: [donbas, guarantees, prisoners],
  });
  const abuDhabi2 = round({
    negotiationId: PEACE,
    sequence: 3,
    name: 'Abu Dhabi round 2',
    venue: 'Abu Dhabi',
    startsOn: '2026-02-04',
    endsOn: AD2_END,
    approxDate: 'early February 2026 (ended Thursday 5 February; start date approximate)',
    format: 'trilateral',
    status: 'held',
    summary: [
      'The talks "ended with an agreement between Russia and Ukraine to exchange 314 prisoners of war, but there was little tangible progress on the most contentious issues" (FT); El País reports 157 prisoners per side and calls the talks "another failure".',
      'Steve Witkoff spoke of "detailed and productive" discussions and said "significant work remains"; Eucom said the talks made "productive and constructive progress".',
      'On the sidelines, the US and Russia agreed "to reestablish high-level military-to-military dialogue" (Eucom).',
      'The meeting ended with "a list of homework" to take back to Kyiv, Moscow and Washington (FT); the parties agreed to continue discussing Donbas and security guarantees "in a third round in the coming weeks" (El País).',
    ].join('\n\n'),
    agenda: [donbas, guarantees, monitoring, prisoners, milMil],
    delegations: [{ partyId: US, head: 'Steve Witkoff (with Jared Kushner)' }],
  });
  const round3 = round({
    negotiationId: PEACE,
    sequence: 4,
    name: 'Round 3',
    venue: '',
    startsOn: null,
    endsOn: null,
    approxDate: 'in the coming weeks',
    format: 'trilateral',
    status: 'planned',
    summary:
      'Planned. El País: "the parties have agreed to continue discussing these issues in a third round in the coming weeks." Witkoff: discussions will continue "with additional progress anticipated in the coming weeks".',
    agenda: [donbas, guarantees, monitoring],
  });

  // ---------------------------------------------------------------- initial statuses (before the Abu Dhabi 2 reports)

  status({
    issueId: donbas,
    from: null,
    to: 'under_discussion',
    on: AD1_END,
    roundId: abuDhabi1,
    note: 'Initial status as logged; on the table since the first Abu Dhabi round (date approximate).',
    sourceId: epNoProgress,
  });
  status({
    issueId: guarantees,
    from: null,
    to: 'under_discussion',
    on: AD1_END,
    roundId: abuDhabi1,
    note: 'Initial status as logged; on the table since the first Abu Dhabi round (date approximate).',
    sourceId: epNoProgress,
  });
  status({
    issueId: prisoners,
    from: null,
    to: 'under_discussion',
    on: AD1_END,
    roundId: abuDhabi1,
    note: 'Initial status as logged (date approximate): a new exchange under discussion after the October swap.',
    sourceId: epOctober,
  });

  // ---------------------------------------------------------------- updates, with the positions and status changes they bring

  // Istanbul, spring 2025.
  update({
    negotiationId: PEACE,
    occurredOn: '2025-05-16',
    roundId: istanbul,
    body: 'Direct Russia–Ukraine talks in Istanbul produced a prisoner exchange. El País: "This was the sole outcome of the direct negotiations between Russia and Ukraine in Istanbul last spring, and at that time, US mediation was not necessary." _(Date approximate: "last spring".)_',
    issues: [prisoners],
    parties: [RU, UA],
    actors: [medinsky],
    sources: [epIstanbul],
  });
  outcome(istanbul, prisoners, 'A prisoner exchange: "the sole outcome of the direct negotiations between Russia and Ukraine in Istanbul last spring" (El País).', epIstanbul);

  // Abu Dhabi round 1, late January 2026.
  update({
    negotiationId: PEACE,
    occurredOn: AD1_END,
    roundId: abuDhabi1,
    body: 'After the first Abu Dhabi round, Ukrainian Foreign Minister **Andriy Sibiga** celebrated the end of the "pseudo-historical conferences," referring to the tone of the head of the Russian delegation in Istanbul, Vladimir Medinsky. Now the talks are "very focused," he said (El País). _(Date approximate.)_',
    parties: [UA, RU],
    actors: [sibiga, medinsky],
    sources: [epSibiga],
  });

  // Abu Dhabi round 2, ended Thursday 5 February 2026.
  const uWitkoff = update({
    negotiationId: PEACE,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: 'Steve Witkoff, who headed the US delegation with Jared Kushner, said only that there were "detailed and productive" discussions between the sides and that "significant work remains" (FT).',
    issues: [donbas, guarantees],
    parties: [US],
    actors: [witkoff, kushner],
    sources: [ftWitkoff],
  });
  const uEucom = update({
    negotiationId: PEACE,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: 'US European Command said the talks made "productive and constructive progress" (FT). A Ukrainian official involved in the talks also described the progress as significant, because both militaries need to be able to work together before major political decisions.',
    parties: [US, UA],
    sources: [ftEucom, ftSignificant],
  });
  const uFailure = update({
    negotiationId: PEACE,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: [
      'El País: **"Talks on Ukraine end in another failure, but more are expected."** "No progress was made toward ending the conflict": "there has been no progress on the core issues: the sovereignty of Donbas and security guarantees for Kyiv."',
      'The FT concurs that "the parties remained far from a political settlement": senior Ukrainian officials said the sides "remained far apart on the core disputes around the Ukrainian-controlled eastern Donbas region and security guarantees for postwar Ukraine."',
      'Trump had declared that the end of the conflict is "very close".',
    ].join('\n\n'),
    issues: [donbas, guarantees],
    parties: [RU, UA, US],
    actors: [trump],
    sources: [epFailure, epNoProgress, ftFarApart, epVeryClose],
  });
  status({
    issueId: donbas,
    from: 'under_discussion',
    to: 'deadlocked',
    on: AD2_END,
    roundId: abuDhabi2,
    updateId: uFailure,
    note: 'No progress on the sovereignty of Donbas at the second Abu Dhabi round; the sides remain far apart.',
    sourceId: epNoProgress,
  });

  const uPow314 = update({
    negotiationId: PEACE,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: 'The talks "ended with an agreement between Russia and Ukraine to exchange **314 prisoners of war**" (FT). Witkoff said the agreement, the first swap in five months, demonstrated "that sustained diplomatic engagement is delivering tangible results and advancing efforts to end the war in Ukraine."',
    issues: [prisoners],
    parties: [RU, UA, US],
    actors: [witkoff],
    sources: [ftPow, ftSwap],
  });
  status({
    issueId: prisoners,
    from: 'under_discussion',
    to: 'agreed',
    on: AD2_END,
    roundId: abuDhabi2,
    updateId: uPow314,
    note: 'Exchange of 314 prisoners of war agreed (157 per side according to El País).',
    sourceId: ftPow,
  });
  position({
    issueId: prisoners,
    partyId: RU,
    summary: 'Agreed to exchange 314 prisoners of war (157 per side).',
    stance: 'supports',
    flexibility: 'high',
    asOf: AD2_END,
    sourceId: ftPow,
    roundId: abuDhabi2,
    updateId: uPow314,
  });
  position({
    issueId: prisoners,
    partyId: UA,
    summary: 'Agreed to exchange 314 prisoners of war (157 per side).',
    stance: 'supports',
    flexibility: 'high',
    asOf: AD2_END,
    sourceId: ftPow,
    roundId: abuDhabi2,
    updateId: uPow314,
  });
  position({
    issueId: prisoners,
    partyId: US,
    summary: 'Presents the swap as proof "that sustained diplomatic engagement is delivering tangible results" (Witkoff).',
    stance: 'supports',
    flexibility: 'high',
    asOf: AD2_END,
    sourceId: ftSwap,
    roundId: abuDhabi2,
    updateId: uPow314,
  });
  outcome(abuDhabi2, prisoners, 'Agreement between Russia and Ukraine to exchange 314 prisoners of war (FT).', ftPow);

  const uPow157 = update({
    negotiationId: PEACE,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: 'Witkoff "loudly announced the exchange of **157 Russian and Ukrainian prisoners on each side**"; the swap took place that afternoon on the Belarusian border (El País). El País notes that "the previous exchange was just in October", some earlier ones "involving more than a thousand prisoners per side".',
    issues: [prisoners],
    parties: [RU, UA, US],
    actors: [witkoff],
    sources: [ep157, epOctober],
  });
  outcome(abuDhabi2, prisoners, 'Exchange of 157 Russian and Ukrainian prisoners on each side, on the Belarusian border (El País).', ep157);

  const uLavrov = update({
    negotiationId: PEACE,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: [
      '**Lavrov dismissed the security guarantees as "nonsense"**: the guarantees Ukraine was discussing with the US would not end the war "if the issues about a [final] settlement are not resolved" (interview with RT, recorded before the talks and published after they ended; FT).',
      'Russia was prepared to share a border with Ukraine "for eternity" if it was "friendly, not necessarily allied with us, but neutral and good natured". The FT reads this as Moscow having "no intention of dropping its maximalist goals".',
    ].join('\n\n'),
    issues: [guarantees, donbas],
    parties: [RU],
    actors: [lavrov],
    sources: [ftNonsense, ftEternity, ftMaximalist],
  });
  const uLeak = update({
    negotiationId: PEACE,
    occurredOn: ARTICLE_DATE,
    roundId: abuDhabi2,
    body: 'Leaked security-guarantee plan (FT, as cited by El País): "in the event of a Russian attack on Kyiv, the Ukrainian army would respond within the first 24 hours. Members of the volunteer coalition would then join in, and finally, there would be an intervention involving the United States." This "would avoid deploying foreign troops on Ukrainian territory, one of the Kremlin\'s red lines". The versions leaked by Western allies "are unacceptable to Russia".',
    issues: [guarantees],
    parties: [UA, US, COALITION, RU],
    sources: [epLeak, epUnacceptable],
  });
  position({
    issueId: guarantees,
    partyId: RU,
    summary:
      'Rejects the guarantees under discussion: Lavrov called them "nonsense" that would not end the war "if the issues about a [final] settlement are not resolved"; the leaked versions are unacceptable to Russia.',
    stance: 'opposes',
    redLines: 'No foreign troops on Ukrainian territory; a final settlement first',
    flexibility: 'rigid',
    asOf: AD2_END,
    sourceId: ftNonsense,
    roundId: abuDhabi2,
    updateId: uLavrov,
  });

  const uGuarantees = update({
    negotiationId: PEACE,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: 'Under security guarantees discussed by Washington and Kyiv, **the US is expected to provide resources including intelligence for monitoring a ceasefire** and to act as a third party adjudicating any violations, "including whether incidents are unintentional" (FT).',
    issues: [guarantees, monitoring],
    parties: [US, UA],
    sources: [ftGuarantees],
  });
  status({
    issueId: monitoring,
    from: null,
    to: 'under_discussion',
    on: AD2_END,
    roundId: abuDhabi2,
    updateId: uGuarantees,
    note: 'Initial status as logged: monitoring arrangements discussed as part of the security guarantees.',
    sourceId: ftGuarantees,
  });
  position({
    issueId: guarantees,
    partyId: US,
    summary:
      'Would provide intelligence for monitoring a ceasefire and adjudicate violations; under the leaked plan the Ukrainian army responds within 24 hours, then the coalition of the willing, then the United States.',
    stance: 'supports',
    redLines: 'No foreign troops deployed on Ukrainian territory under the leaked plan',
    flexibility: 'moderate',
    asOf: AD2_END,
    sourceId: ftGuarantees,
    roundId: abuDhabi2,
    updateId: uGuarantees,
  });
  position({
    issueId: guarantees,
    partyId: UA,
    summary: 'Discussing security guarantees for postwar Ukraine with the US; under the leaked plan its army would respond first, within 24 hours.',
    stance: 'supports',
    flexibility: 'moderate',
    asOf: AD2_END,
    sourceId: epLeak,
    roundId: abuDhabi2,
    updateId: uLeak,
  });
  position({
    issueId: monitoring,
    partyId: US,
    summary: 'Expected to provide intelligence for monitoring a ceasefire and to act as a third party adjudicating any violations.',
    stance: 'supports',
    flexibility: 'moderate',
    asOf: AD2_END,
    sourceId: ftGuarantees,
    roundId: abuDhabi2,
    updateId: uGuarantees,
  });

  const uTass = update({
    negotiationId: PEACE,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: 'A Western source told TASS (as cited by El País) that **for Moscow it is essential not only that the Ukrainian army withdraw from Donbas, but that the territory be internationally recognised as Russian**.',
    issues: [donbas],
    parties: [RU],
    sources: [epTass],
  });
  position({
    issueId: donbas,
    partyId: RU,
    summary: 'Rejects any settlement that leaves Donbas Ukrainian: the Ukrainian army must withdraw and the territory must be internationally recognised as Russian.',
    stance: 'opposes',
    redLines: 'Ukrainian army withdrawal; international recognition as Russian',
    flexibility: 'rigid',
    asOf: AD2_END,
    sourceId: epTass,
    roundId: abuDhabi2,
    updateId: uTass,
  });
  const uZelensky = update({
    negotiationId: PEACE,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: 'Zelensky replied that even if someone were to recognise Ukrainian territories as Russian, "it would be pointless," since only he has the authority to relinquish them: **"Our territories are ours."** (El País)',
    issues: [donbas],
    parties: [UA],
    actors: [zelensky],
    sources: [epZelensky],
  });
  position({
    issueId: donbas,
    partyId: UA,
    summary: '"Our territories are ours": recognition of Ukrainian territories as Russian "would be pointless", since only Zelensky can relinquish them.',
    stance: 'opposes',
    redLines: 'No ceding of Ukrainian territory',
    flexibility: 'rigid',
    asOf: AD2_END,
    sourceId: epZelensky,
    roundId: abuDhabi2,
    updateId: uZelensky,
  });
  position({
    issueId: donbas,
    partyId: US,
    summary: 'No US position on Donbas stated in the reports; as mediator it reports that "significant work remains".',
    stance: 'no_position',
    flexibility: 'unknown',
    asOf: AD2_END,
    sourceId: ftWitkoff,
    roundId: abuDhabi2,
    updateId: uWitkoff,
  });

  const uHomework = update({
    negotiationId: PEACE,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: [
      'A Ukrainian official said the meeting ended with **"a list of homework" to take back to Kyiv, Moscow and Washington** ahead of a next round (FT).',
      'The official warned that if political agreements come before the militaries are ready, "it could take weeks to negotiate basic issues such as withdrawals, monitoring arrangements and the practical implementation of a ceasefire". The work is "not sexy for the public at large" but essential: a cessation of hostilities can quickly fall apart "if there is no agreed way to monitor and secure an armistice".',
    ].join('\n\n'),
    issues: [donbas, monitoring],
    parties: [US, RU, UA],
    sources: [ftHomework, ftMechanics, ftNotSexy],
  });
  position({
    issueId: monitoring,
    partyId: UA,
    summary: 'A ceasefire needs an agreed way to monitor and secure an armistice, worked out by the militaries before political agreements are announced.',
    stance: 'conditional',
    redLines: 'Agreed monitoring arrangements before a cessation of hostilities',
    flexibility: 'moderate',
    asOf: AD2_END,
    sourceId: ftNotSexy,
    roundId: abuDhabi2,
    updateId: uHomework,
  });
  position({
    issueId: monitoring,
    partyId: RU,
    summary: 'No Russian position on monitoring reported; monitoring arrangements are on the homework taken back to Moscow.',
    stance: 'no_position',
    flexibility: 'unknown',
    asOf: AD2_END,
    sourceId: ftMechanics,
    roundId: abuDhabi2,
    updateId: uHomework,
  });

  update({
    negotiationId: PEACE,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: 'A third round is planned: Witkoff said the discussions would continue "with additional progress anticipated in the coming weeks" (FT); the parties "have agreed to continue discussing these issues in a third round in the coming weeks" (El País).',
    issues: [donbas, guarantees],
    parties: [US, RU, UA],
    actors: [witkoff],
    sources: [ftComingWeeks, epNoProgress],
  });
  outcome(abuDhabi2, null, 'Agreement to continue discussing Donbas and security guarantees in a third round "in the coming weeks" (El País).', epNoProgress);

  // US–Russia strategic stability.
  const uPressing = update({
    negotiationId: ARMS,
    occurredOn: '2025-09-22',
    roundId: null,
    body: 'Putin presses Trump to accept a **one-year extension of New START**. El País: "The Russian president has been pressing his counterpart for months to accept a one-year extension of the agreement." _(Date approximate: "for months".)_',
    issues: [newStart],
    parties: [RU, US],
    actors: [putin, trump],
    sources: [epPressing],
  });
  status({
    issueId: newStart,
    from: null,
    to: 'under_discussion',
    on: '2025-09-22',
    updateId: uPressing,
    note: 'Initial status as logged (date approximate): Russia has pressed "for months" for a one-year extension.',
    sourceId: epPressing,
  });
  const ruNewStartEarlier = position({
    issueId: newStart,
    partyId: RU,
    summary: 'Proposes a one-year extension of New START (date approximate: pressed "for months" before the expiry).',
    stance: 'supports',
    flexibility: 'moderate',
    asOf: '2025-09-22',
    sourceId: epPressing,
    updateId: uPressing,
    isCurrent: false,
  });

  update({
    negotiationId: ARMS,
    occurredOn: ARTICLE_DATE,
    roundId: null,
    body: 'The US and Russia "are negotiating at the last minute to save the New START treaty, the last remaining agreement limiting nuclear weapons, which **expires this Thursday**" (Axios, as cited by El País).',
    issues: [newStart],
    parties: [US, RU],
    sources: [epNewStart],
  });
  const uGoodFaith = update({
    negotiationId: ARMS,
    occurredOn: ARTICLE_DATE,
    roundId: null,
    body: 'Axios (as cited by El País): the Kremlin and the White House are expected to **respect the terms of New START for another six months** after it expires, "a period that would allow time to negotiate a possible new treaty, although experts consider this timeframe insufficient". It "must first be ratified by Donald Trump and Vladimir Putin".',
    issues: [goodFaith, newStart],
    parties: [US, RU],
    actors: [trump, putin],
    sources: [epGoodFaith],
  });
  status({
    issueId: goodFaith,
    from: null,
    to: 'narrowing',
    on: ARTICLE_DATE,
    updateId: uGoodFaith,
    note: 'Reported by Axios, not confirmed: observance "in good faith" for six months, pending ratification by Trump and Putin.',
    sourceId: epGoodFaith,
  });
  for (const partyId of [US, RU]) {
    position({
      issueId: goodFaith,
      partyId,
      summary: 'Reported (Axios) to be expected to respect the terms of New START for another six months after expiry; must first be ratified by Trump and Putin.',
      stance: 'supports',
      flexibility: 'unknown',
      asOf: ARTICLE_DATE,
      sourceId: epGoodFaith,
      updateId: uGoodFaith,
    });
  }

  const uPeskov = update({
    negotiationId: ARMS,
    occurredOn: ARTICLE_DATE,
    roundId: null,
    body: 'Peskov: Russia is willing to begin a dialogue with the United States **"if there are constructive responses to the initiative to extend the restrictions"**, without confirming that work on an extension is underway. Trump has ignored Putin\'s proposal of a one-year extension, "fixated on the idea that a new document is needed that also compels China to halt its nuclear development" (El País).',
    issues: [newStart],
    parties: [RU, US, CN],
    actors: [peskov, putin, trump],
    sources: [epPeskov, epPressing],
  });
  position({
    issueId: newStart,
    partyId: RU,
    summary:
      'Proposes a one-year extension; Peskov: ready for dialogue "if there are constructive responses to the initiative to extend the restrictions". Reported ready to observe the treaty in good faith for six months after expiry.',
    stance: 'supports',
    flexibility: 'moderate',
    asOf: ARTICLE_DATE,
    sourceId: epPeskov,
    updateId: uPeskov,
    supersedesId: ruNewStartEarlier,
  });
  position({
    issueId: newStart,
    partyId: US,
    summary: 'Ignores the offer of a plain extension: wants a new treaty that also compels China to halt its nuclear development.',
    stance: 'opposes',
    redLines: 'A new treaty must include China',
    flexibility: 'low',
    asOf: ARTICLE_DATE,
    sourceId: epPressing,
    updateId: uPeskov,
  });
  position({
    issueId: newStart,
    partyId: CN,
    summary: 'No Chinese position reported; the US wants a new treaty that compels China to halt its nuclear development.',
    stance: 'no_position',
    flexibility: 'unknown',
    asOf: ARTICLE_DATE,
    sourceId: epPressing,
    updateId: uPeskov,
  });

  // Military-to-military dialogue, agreed on the sidelines of Abu Dhabi round 2.
  status({
    issueId: milMil,
    from: null,
    to: 'proposed',
    on: '2026-02-04',
    roundId: abuDhabi2,
    note: 'Initial status as logged (date approximate): raised when Gen. Grynkewich met senior Russian and Ukrainian officials on the sidelines of the talks. The channel had been suspended in 2021.',
    sourceId: ftGrynkewich,
  });
  const uMilMil = update({
    negotiationId: ARMS,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: [
      'US European Command: **"The US and Russian Federation agreed today in Abu Dhabi to reestablish high-level military-to-military dialogue."** "This channel will provide a consistent military-to-military contact as the parties continue to work towards a lasting peace." (FT)',
      'The agreement came after Gen. Alexus Grynkewich (EUCOM commander and SACEUR) met senior Russian and Ukrainian officials on the sidelines. The channel was suspended in 2021; as SACEUR, Grynkewich already had the authority to maintain a dialogue with Gen. Valery Gerasimov.',
    ].join('\n\n'),
    issues: [milMil],
    parties: [US, RU],
    actors: [grynkewich, gerasimov],
    sources: [ftMilMil, ftChannel, ftGrynkewich, ftSuspended],
  });
  status({
    issueId: milMil,
    from: 'proposed',
    to: 'agreed',
    on: AD2_END,
    roundId: abuDhabi2,
    updateId: uMilMil,
    note: 'High-level military-to-military dialogue re-established, after more than four years.',
    sourceId: ftMilMil,
  });
  position({
    issueId: milMil,
    partyId: US,
    summary: 'Agreed to re-establish the dialogue: the channel "will provide a consistent military-to-military contact as the parties continue to work towards a lasting peace" (Eucom).',
    stance: 'supports',
    flexibility: 'high',
    asOf: AD2_END,
    sourceId: ftChannel,
    roundId: abuDhabi2,
    updateId: uMilMil,
  });
  position({
    issueId: milMil,
    partyId: RU,
    summary: 'Agreed in Abu Dhabi to re-establish high-level military-to-military dialogue with the US.',
    stance: 'supports',
    flexibility: 'high',
    asOf: AD2_END,
    sourceId: ftMilMil,
    roundId: abuDhabi2,
    updateId: uMilMil,
  });
  outcome(abuDhabi2, milMil, 'US and Russia agreed to re-establish high-level military-to-military dialogue (Eucom, via the FT).', ftMilMil);
  const uMilMilEp = update({
    negotiationId: ARMS,
    occurredOn: AD2_END,
    roundId: abuDhabi2,
    body: 'El País: both powers "have agreed to resume high-level military dialogue, suspended in 2021"; the decision was made at a meeting between Gen. Grynkewich and senior Russian and Ukrainian military officials. The Americans called the restoration "an important factor for global stability and peace."',
    issues: [milMil],
    parties: [US, RU],
    actors: [grynkewich],
    sources: [epMilMil, epGrynkewich, epStability],
  });

  // ---------------------------------------------------------------- homework

  const homeworkNote =
    'The official said the meeting ended with “a list of homework” to take back to Kyiv, Moscow and Washington ahead of a next round of talks. (FT)';
  task({
    negotiationId: PEACE,
    title: 'A list of homework to take back to Kyiv, Moscow and Washington',
    description: `${homeworkNote}\n\nLogged as reported; refined into the items below as details emerge.`,
    issueId: null,
    assignedRoundId: abuDhabi2,
    dueRoundId: round3,
    status: 'open',
    vague: true,
    owners: [US, RU, UA],
  });
  const mechanics =
    'FT: a Ukrainian official warned that if political agreements come before the militaries are ready to act, “it could take weeks to negotiate basic issues such as withdrawals, monitoring arrangements and the practical implementation of a ceasefire.”';
  task({
    negotiationId: PEACE,
    title: 'Withdrawal mechanics',
    description: mechanics,
    issueId: donbas,
    assignedRoundId: abuDhabi2,
    dueRoundId: round3,
    status: 'open',
    owners: [RU, UA],
  });
  task({
    negotiationId: PEACE,
    title: 'Monitoring arrangements for a ceasefire',
    description: `${mechanics}\n\nA cessation of hostilities “can quickly fall apart if there is no agreed way to monitor and secure an armistice.” (FT)`,
    issueId: monitoring,
    assignedRoundId: abuDhabi2,
    dueRoundId: round3,
    status: 'open',
    owners: [US, UA, RU],
  });
  task({
    negotiationId: PEACE,
    title: 'Practical implementation of a ceasefire',
    description: `${mechanics}\n\nThe work is “not sexy for the public at large” but essential. (FT)`,
    issueId: monitoring,
    assignedRoundId: abuDhabi2,
    dueRoundId: round3,
    status: 'open',
    owners: [US, RU, UA],
  });
  task({
    negotiationId: PEACE,
    title: 'Prepare a prisoner exchange',
    description:
      "Analyst's reconstruction: the exchange agreed at the second Abu Dhabi round was the first swap in five months (FT); the previous exchange was in October (El País).",
    issueId: prisoners,
    assignedRoundId: abuDhabi1,
    dueRoundId: abuDhabi2,
    status: 'delivered',
    resolution: '314 prisoners exchanged (157 per side), agreed at Abu Dhabi round 2 (FT; El País).',
    owners: [RU, UA],
  });

  // ---------------------------------------------------------------- corroborations

  corroborate(
    'Prisoner exchange at Abu Dhabi round 2',
    true,
    '314 prisoners of war in all (FT) and 157 per side (El País) are the same exchange.',
    [uPow314, uPow157],
  );
  corroborate(
    'Military-to-military dialogue re-established',
    true,
    'FT (Eucom statement) and El País report the same agreement.',
    [uMilMil, uMilMilEp],
  );
  corroborate(
    'Assessment of Abu Dhabi round 2',
    false,
    'Eucom: "productive and constructive progress"; Witkoff: "detailed and productive"; El País: "another failure".',
    [uEucom, uWitkoff, uFailure],
  );

  // ---------------------------------------------------------------- convergence (an analyst's judgement per round)

  // 0 aligned … 4 irreconcilable. Issues not on a round's agenda are still judged: the gap existed.
  const judge = (issueId: number, judgements: [roundId: number, distance: number, note: string][]): void => {
    for (const [roundId, distance, note] of judgements) {
      tx.insert(convergence).values({ issueId, roundId, distance, note, assessedBy: by }).run();
    }
  };
  judge(donbas, [
    [istanbul, 4, 'Not negotiable in Istanbul: the direct talks produced only a prisoner exchange (El País).'],
    [abuDhabi1, 4, 'On the table, but Russia demands withdrawal and recognition; Ukraine will not cede territory.'],
    [abuDhabi2, 4, '"No progress on the core issues: the sovereignty of Donbas" (El País); the sides "remained far apart" (FT).'],
  ]);
  judge(guarantees, [
    [istanbul, 3, 'Not yet discussed as such; Russia rejects foreign troops on Ukrainian territory.'],
    [abuDhabi1, 3, 'Washington and Kyiv discuss guarantees; Moscow is not party to them.'],
    [abuDhabi2, 4, 'Lavrov dismissed the guarantees as "nonsense" (RT via FT); the leaked versions are "unacceptable to Russia" (El País).'],
  ]);
  judge(monitoring, [
    [istanbul, 3, 'No ceasefire on the table.'],
    [abuDhabi1, 3, 'No agreed way to monitor an armistice yet.'],
    [abuDhabi2, 2, 'The US is expected to provide intelligence and adjudicate violations (FT); monitoring arrangements are homework for all three.'],
  ]);
  judge(prisoners, [
    [istanbul, 1, 'A prisoner exchange was "the sole outcome" of the Istanbul talks (El País).'],
    [abuDhabi1, 1, 'A new exchange under discussion after the October swap (El País).'],
    [abuDhabi2, 0, 'Exchange of 314 prisoners of war agreed (FT), 157 per side (El País).'],
  ]);

  // ---------------------------------------------------------------- last activity per issue

  for (const [issueId, day] of lastActivity) {
    tx.update(issues)
      .set({ lastActivityAt: `${day}T00:00:00.000Z` })
      .where(eq(issues.id, issueId))
      .run();
  }
}
