import type { PartialDate } from '@/lib/partial-date';

// What the capture reads an article against: one negotiation's people, sides, questions and what is
// already logged in it (db/queries/capture-context.ts reads it with the caller's ReaderScope).

/** An actor as affiliated in the negotiation: one row per affiliation (a person may hold several). */
export type CaptureActor = { actorId: number; name: string; title: string; partyId: number | null };
export type CaptureParty = { id: number; name: string; shortName: string };
/** An issue with the keywords or aliases the analyst keeps for it. */
export type CaptureIssue = { id: number; title: string; keywords: readonly string[] };
/** A quote already cited by an update of the negotiation, from any outlet. */
export type LoggedQuote = { updateId: number; quote: string };

export type CaptureContext = {
  actors: readonly CaptureActor[];
  parties: readonly CaptureParty[];
  issues: readonly CaptureIssue[];
  loggedQuotes: readonly LoggedQuote[];
};

/** What the analyst pasted and typed: the text (plain or HTML) and what they know of the article. */
export type ArticleInput = {
  text: string;
  url?: string | null;
  outlet?: string | null;
  title?: string | null;
  /** 'YYYY-MM-DD' */
  publishedOn?: string | null;
};

export type ProposedSource = { outlet: string; title: string; url: string | null; publishedOn: string | null };

/** "unattributed" with no actor and no party when nobody is named. */
export type ProposedSpeaker = { name: string; actorId: number | null; partyId: number | null };

export type Proposal = {
  /** The quoted words; several quoted spans of one sentence are joined by " … ". */
  quote: string;
  /** The sentence (or sentences, when a quote runs over several) the quote stands in. */
  sentence: string;
  /** Where `sentence` stands in the article's text, for highlighting it: [start, end). */
  start: number;
  end: number;
  speaker: ProposedSpeaker;
  issueIds: number[];
  partyIds: number[];
  /** When it happened, as precisely as the text says; null when there is nothing to count it from. */
  eventDate: PartialDate | null;
  /** Numbers with what they count: "314 prisoners", "24 hours". */
  figures: string[];
  /** An update of the negotiation that already cites this quote. */
  duplicateOfUpdateId: number | null;
};

export type CaptureResult =
  | {
      ok: true;
      /** The article as plain text (HTML read as text); proposals' offsets point into it. */
      text: string;
      source: ProposedSource;
      proposals: Proposal[];
      /** What the analyst should know about how the text was read ("no publication date: …"). */
      notes: string[];
    }
  | { ok: false; message: string };

export const UNATTRIBUTED = 'unattributed';
