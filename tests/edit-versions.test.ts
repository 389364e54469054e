import { describe, expect, it } from 'vitest';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DB } from '@/db';
import { freshDb, makeNegotiation, makeSource, makeUser } from './factories';
import { submittedValues } from './form-markup';
import { ACTIONS, MATRIX_PASSWORD, type ActionEntry } from './authz-matrix';
import { addActor, createParty, updateAffiliation, updateParty } from '@/db/mutations/parties';
import { seatParty, updateNegotiation } from '@/db/mutations/negotiations';
import { changeIssueStatus, updateIssue } from '@/db/mutations/issues';
import { recordPosition } from '@/db/mutations/positions';
import { createRound, editRound, moveRound, setAgenda, setDelegations } from '@/db/mutations/rounds';
import { setConvergence } from '@/db/mutations/convergence';
import { changeHomeworkStatus, createHomework, editHomework } from '@/db/mutations/homework';
import { editUpdate, logUpdate } from '@/db/mutations/updates';
import { createCorroboration, markCorroboration } from '@/db/mutations/corroborations';
import { setPassword, updateUserAccess } from '@/db/mutations/users';
import { createIssue } from '@/db/mutations/issues';
import { getNegotiation, listIssuesOf, listSeatedParties } from '@/db/queries/negotiations';
import { affiliationsOfParty, getParty } from '@/db/queries/parties';
import { currentPosition, getIssue } from '@/db/queries/issues';
import { getRoundPage } from '@/db/queries/rounds';
import { convergenceOfIssue } from '@/db/queries/convergence';
import { getHomework } from '@/db/queries/homework';
import { getUpdateForEdit, updateFormChoices } from '@/db/queries/updates';
import { citableByIds } from '@/db/queries/source-search';
import { getOutlet } from '@/db/queries/outlets';
import { regradeOutlet } from '@/db/mutations/outlets';
import { RegradeOutletForm } from '@/components/forms/OutletForm';
import { RegradeOutletSchema } from '@/lib/validation/outlets';
import { getCorroboration } from '@/db/queries/corroborations';
import { listUsers } from '@/db/queries/users';
import { NegotiationForm } from '@/components/forms/NegotiationForm';
import { AffiliationForm, PartyForm } from '@/components/forms/PartyForms';
import { SeatPartyForm } from '@/components/forms/SeatPartyForm';
import { IssueForm } from '@/components/forms/IssueForm';
import { StatusForm } from '@/components/forms/StatusForm';
import { PositionForm } from '@/components/forms/PositionForm';
import { RoundForm } from '@/components/forms/RoundForm';
import { AgendaForm, DelegationsForm, MoveRoundForm } from '@/components/forms/RoundDetailsForms';
import { ConvergenceForm } from '@/components/forms/ConvergenceForm';
import { HomeworkForm, HomeworkStatusForm } from '@/components/forms/HomeworkForm';
import { UpdateForm } from '@/components/forms/UpdateForm';
import { MarkForm } from '@/components/forms/CorroborationForms';
import { PasswordResetForm, UserDisabledForm, UserRoleForm } from '@/components/forms/UserForms';
import { AffiliationEditSchema, NegotiationEditSchema, NegotiationPartySchema, PartyEditSchema } from '@/lib/validation/negotiations';
import { IssueEditSchema, StatusChangeSchema } from '@/lib/validation/issues';
import { PositionSchema } from '@/lib/validation/positions';
import { AgendaSchema, DelegationsSchema, MoveRoundSchema, RoundEditSchema } from '@/lib/validation/rounds';
import { ConvergenceSchema } from '@/lib/validation/convergence';
import { HomeworkEditSchema, HomeworkStatusSchema } from '@/lib/validation/homework';
import { UpdateEditSchema, UpdateSchema } from '@/lib/validation/updates';
import { MarkSchema } from '@/lib/validation/corroborations';
import { PasswordResetSchema, UserDisabledSchema, UserRoleSchema } from '@/lib/validation/users';
import { ConflictError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/roles';
import type { Role } from '@/lib/domain';
import type { FormValues } from '@/lib/validation/form-values';
import { wholeInstance } from '@/db/queries/access';

// Lost updates, as a class (db/mutations/versions.ts). For every edit action of the authorization matrix,
// two people open the same form on the same record: the first saves; the second, saving from the version
// their form was opened on, is refused with a message naming who changed what, and nothing of theirs is
// written; once their page shows the record afresh (what handleForm's refresh does), they save again and it
// goes through. The forms are the real components rendered to HTML and read back as a browser would submit
// them, so a form that forgets its version field fails here; the saves are the action's schema and mutation.

const TODAY = '2026-03-01';
const noAction = async () => ({});
const html = (form: ReactElement) => renderToStaticMarkup(form);

type Save = (db: DB, user: CurrentUser, values: FormValues) => unknown;
/** The record made for a case: its form as the page renders it for the record as it now stands. */
type Opening = {
  form: (db: DB) => ReactElement;
  /** The save, when it needs the record's id (an action's bound argument). */
  save?: Save;
  /** The form field that carries the version, when not the matrix's. */
  field?: string;
  /** What A or B does, when it needs the record's id (the party chosen in a select). */
  change?: Case['change'];
};
type Case = {
  name: string;
  /** Who the two people are (both analysts unless the action needs more). */
  role?: Role;
  setUp(db: DB, owner: CurrentUser): Opening;
  /** What person A or B does on the form before saving. */
  change(values: FormValues, who: 'A' | 'B'): FormValues;
  /** The save, as the action makes it: the action's schema, then its mutation. */
  save?: Save;
  /** What the refusal must say A changed. */
  says: string | RegExp;
};

const one = (values: FormValues, name: string) => {
  const v = values[name];
  if (typeof v !== 'string') throw new Error(`The form sends no single ${name}: ${JSON.stringify(v)}`);
  return v;
};

function talks(db: DB, owner: CurrentUser) {
  return makeNegotiation(db, owner);
}

function round(db: DB, owner: CurrentUser, negotiationId: number, name = 'Abu Dhabi 2') {
  return createRound(db, owner, { negotiationId, name, venue: 'Abu Dhabi', startsOn: null, endsOn: null, approxDate: '', format: 'trilateral', status: 'planned', summary: '' });
}

const CASES: Record<string, Case[]> = {
  'app/outlets/actions.ts#regradeOutletAction': [
    {
      name: "an outlet's grade",
      setUp(db, owner) {
        const sourceId = makeSource(db, owner, { outlet: 'Financial Times', reliability: 'B' });
        const outletId = (db.$client.prepare(`SELECT a.outlet_id FROM sources s JOIN articles a ON a.id = s.article_id WHERE s.id = ?`).pluck().get(sourceId) as number);
        return {
          save: (db, user, values) => regradeOutlet(db, user, RegradeOutletSchema.parse(values)),
          form: (db) => createElement(RegradeOutletForm, { action: noAction, outlet: getOutlet(db, wholeInstance(db), outletId)!, today: TODAY }),
        };
      },
      change: (values, who) => ({ ...values, reliability: who === 'A' ? 'C' : 'D' }),
      says: 'the grade now reads “C — fairly reliable”',
    },
  ],
  'app/negotiations/actions.ts#updateNegotiationAction': [
    {
      name: 'the description of a negotiation',
      setUp(db, owner) {
        const { negotiationId } = talks(db, owner);
        return {
          save: (db, user, values) => {
            const { version, ...data } = NegotiationEditSchema.parse(values);
            updateNegotiation(db, user, negotiationId, version, data);
          },
          form: (db) => createElement(NegotiationForm, { action: noAction, negotiation: getNegotiation(db, wholeInstance(db), negotiationId)!, submitLabel: 'Save negotiation' }),
        };
      },
      change: (values, who) => ({ ...values, description: `Talks as ${who} reads them` }),
      says: 'the description now reads “Talks as A reads them”',
    },
  ],
  'app/parties/actions.ts#updatePartyAction': [
    {
      name: 'a party',
      setUp(db, owner) {
        const partyId = createParty(db, owner, { name: 'Qatar', shortName: 'QA' });
        return {
          save: (db, user, values) => {
            const { version, ...data } = PartyEditSchema.parse(values);
            updateParty(db, user, partyId, version, data);
          },
          form: (db) => createElement(PartyForm, { action: noAction, party: getParty(db, wholeInstance(db), partyId)!, submitLabel: 'Save party' }),
        };
      },
      change: (values, who) => ({ ...values, name: `Qatar (${who})` }),
      says: 'the name now reads “Qatar (A)”',
    },
  ],
  'app/parties/actions.ts#updateAffiliationAction': [
    {
      name: "someone's title in a negotiation",
      setUp(db, owner) {
        const { negotiationId, partyA } = talks(db, owner);
        const { actorId } = addActor(db, owner, { name: 'Steve Witkoff', negotiationId, partyId: partyA, title: 'Special envoy', startsOn: null, endsOn: null });
        const affiliation = () => affiliationsOfParty(db, wholeInstance(db), partyA).find((f) => f.actorId === actorId)!;
        return {
          save: (db, user, values) => {
            const { version, ...data } = AffiliationEditSchema.parse(values);
            updateAffiliation(db, user, affiliation().id, version, data);
          },
          form: () => createElement(AffiliationForm, { action: noAction, affiliation: { ...affiliation(), negotiationName: 'Talks' } }),
        };
      },
      change: (values, who) => ({ ...values, title: `Envoy, says ${who}` }),
      says: /changed Steve Witkoff's title and dates since you opened the form: the title now reads “Envoy, says A”\. Review/,
    },
  ],
  'app/negotiations/actions.ts#seatPartyAction': [
    {
      name: 'the role of a seated party',
      setUp(db, owner) {
        const { negotiationId } = talks(db, owner);
        return { form: (db) => createElement(SeatPartyForm, { action: noAction, negotiationId, seated: listSeatedParties(db, wholeInstance(db), negotiationId)[0] }) };
      },
      change: (values, who) => ({ ...values, role: who === 'A' ? 'mediator' : 'observer', note: `Seated by ${who}` }),
      save: (db, user, values) => seatParty(db, user, NegotiationPartySchema.parse(values)),
      says: /changed the seat of Talks \w+ A since you opened the form: the role now reads “mediator”; the note now reads “Seated by A”\. Review/,
    },
    {
      name: 'seating a party not yet at the table',
      setUp(db, owner) {
        const { negotiationId } = talks(db, owner);
        const qatar = createParty(db, owner, { name: 'Qatar', shortName: 'QA' });
        // As the page: Qatar is offered until seated, then shown with the form of its seat.
        return {
          form: (db) => {
            const seated = listSeatedParties(db, wholeInstance(db), negotiationId).find((p) => p.id === qatar);
            return seated
              ? createElement(SeatPartyForm, { action: noAction, negotiationId, seated })
              : createElement(SeatPartyForm, { action: noAction, negotiationId, choices: [{ value: String(qatar), label: 'Qatar (QA)' }] });
          },
          change: (values, who) => ({ ...values, partyId: String(qatar), role: who === 'A' ? 'mediator' : 'guarantor' }),
        };
      },
      change: (values) => values,
      save: (db, user, values) => seatParty(db, user, NegotiationPartySchema.parse(values)),
      says: 'seated Qatar at this negotiation since you opened the form: the role now reads “mediator”.',
    },
  ],
  'app/issues/[id]/edit/actions.ts#updateIssueAction': [
    {
      name: 'the description of an issue',
      setUp(db, owner) {
        const { issueId } = talks(db, owner);
        return { form: (db) => createElement(IssueForm, { action: noAction, issue: getIssue(db, wholeInstance(db), issueId)!.issue }) };
      },
      change: (values, who) => ({ ...values, description: `Written by ${who}` }),
      save: (db, user, values) => {
        const { issueId, version, ...fields } = IssueEditSchema.parse(values);
        updateIssue(db, user, issueId, version, fields);
      },
      says: 'the description now reads “Written by A”',
    },
  ],
  'app/issues/[id]/actions.ts#changeStatusAction': [
    {
      name: 'the status of an issue',
      setUp(db, owner) {
        const { issueId } = talks(db, owner);
        return {
          form: (db) => {
            const { issue } = getIssue(db, wholeInstance(db), issueId)!;
            return createElement(StatusForm, { action: noAction, issueId, status: issue.status, version: issue.version, sources: [], rounds: [], today: TODAY });
          },
        };
      },
      change: (values, who) => ({ ...values, status: who === 'A' ? 'narrowing' : 'stalled', note: `Moved by ${who}` }),
      save: (db, user, values) => changeIssueStatus(db, user, StatusChangeSchema.parse(values)),
      says: 'the status now reads “narrowing”',
    },
  ],
  'app/issues/[id]/actions.ts#recordPositionAction': [
    {
      name: "a party's first position",
      setUp(db, owner) {
        const { issueId, partyA } = talks(db, owner);
        return { form: (db) => createElement(PositionForm, { action: noAction, issueId, partyId: partyA, partyName: 'A', current: currentPosition(db, wholeInstance(db), issueId, partyA) ?? null, sources: [], rounds: [], today: TODAY }) };
      },
      change: (values, who) => ({ ...values, summary: `Wants what ${who} heard`, stance: 'conditional' }),
      save: (db, user, values) => recordPosition(db, user, PositionSchema.parse(values)),
      says: 'recorded a position of',
    },
    {
      name: 'a new version of a position',
      setUp(db, owner) {
        const { issueId, partyA } = talks(db, owner);
        recordPosition(db, owner, { issueId, partyId: partyA, basedOn: null, summary: 'Wants it all', stance: 'opposes', redLines: '', flexibility: 'rigid', asOf: '2026-02-01', sourceId: null, roundId: null });
        return { form: (db) => createElement(PositionForm, { action: noAction, issueId, partyId: partyA, partyName: 'A', current: currentPosition(db, wholeInstance(db), issueId, partyA) ?? null, sources: [], rounds: [], today: TODAY }) };
      },
      change: (values, who) => ({ ...values, summary: `Softened, says ${who}` }),
      save: (db, user, values) => recordPosition(db, user, PositionSchema.parse(values)),
      says: 'the summary now reads “Softened, says A”',
    },
  ],
  'app/rounds/[id]/actions.ts#editRoundAction': [
    {
      name: 'the facts of a round',
      setUp(db, owner) {
        const { negotiationId } = talks(db, owner);
        const id = round(db, owner, negotiationId);
        return { form: (db) => createElement(RoundForm, { action: noAction, negotiationId, round: getRoundPage(db, wholeInstance(db), id, TODAY)!.round }) };
      },
      change: (values, who) => ({ ...values, venue: `Venue ${who} heard of` }),
      save: (db, user, values) => {
        const { roundId, version, ...input } = RoundEditSchema.parse(values);
        editRound(db, user, roundId, version, input);
      },
      says: 'the venue now reads “Venue A heard of”',
    },
    {
      name: 'the cancellation of a round',
      setUp(db, owner) {
        const { negotiationId } = talks(db, owner);
        const id = round(db, owner, negotiationId);
        return { form: (db) => createElement(RoundForm, { action: noAction, negotiationId, round: getRoundPage(db, wholeInstance(db), id, TODAY)!.round }) };
      },
      change: (values, who) => ({ ...values, status: 'cancelled', cancelledOn: who === 'A' ? '2026-03-03' : '2026-03-04', cancellationReason: `Called off, as ${who} heard` }),
      save: (db, user, values) => {
        const { roundId, version, ...input } = RoundEditSchema.parse(values);
        editRound(db, user, roundId, version, input);
      },
      says: 'the status now reads “cancelled”; the date of cancellation now reads “2026-03-03”; the reason for cancellation now reads “Called off, as A heard”',
    },
  ],
  'app/rounds/[id]/actions.ts#moveRoundAction': [
    {
      name: "a round's place in the order",
      setUp(db, owner) {
        const { negotiationId } = talks(db, owner);
        const first = round(db, owner, negotiationId, 'Istanbul');
        round(db, owner, negotiationId, 'Abu Dhabi 1');
        round(db, owner, negotiationId, 'Abu Dhabi 2');
        return { form: (db) => createElement(MoveRoundForm, { action: noAction, roundId: first, version: getRoundPage(db, wholeInstance(db), first, TODAY)!.round.version, direction: 'later' }) };
      },
      change: (values) => values,
      save: (db, user, values) => moveRound(db, user, MoveRoundSchema.parse(values)),
      says: 'it moved in the order of rounds',
    },
  ],
  'app/rounds/[id]/actions.ts#delegationsAction': [
    {
      name: 'the heads of delegation of a round',
      setUp(db, owner) {
        const { negotiationId } = talks(db, owner);
        const id = round(db, owner, negotiationId);
        return {
          form: (db) => {
            const page = getRoundPage(db, wholeInstance(db), id, TODAY)!;
            const heads = Object.fromEntries(page.delegations.map((d) => [d.partyId, d.head]));
            return createElement(DelegationsForm, { action: noAction, roundId: id, version: page.round.version, parties: page.parties, heads });
          },
        };
      },
      change(values, who) {
        const field = Object.keys(values).find((k) => k.startsWith('head.'))!;
        return { ...values, [field]: `Envoy named by ${who}` };
      },
      save: (db, user, values) => setDelegations(db, user, DelegationsSchema.parse(values)),
      says: 'Envoy named by A”',
    },
  ],
  'app/rounds/[id]/actions.ts#agendaAction': [
    {
      name: 'the agenda of a round',
      setUp(db, owner) {
        const { negotiationId, issueId } = talks(db, owner);
        createIssue(db, owner, { negotiationId, title: 'Ceasefire monitoring', description: '', status: 'proposed', priority: 'medium', keyDate: null, keyDateLabel: '' });
        const id = round(db, owner, negotiationId);
        setAgenda(db, owner, { roundId: id, version: null, issueIds: [issueId] });
        return {
          form: (db) => {
            const page = getRoundPage(db, wholeInstance(db), id, TODAY)!;
            return createElement(AgendaForm, { action: noAction, roundId: id, version: page.round.version, issues: listIssuesOf(db, wholeInstance(db), negotiationId), onAgenda: page.agenda.map((a) => a.id) });
          },
        };
      },
      // A adds the second issue; B, on the form as it was, takes the first one off.
      change: (values, who) => (who === 'A' ? { ...values, issueIds: [one(values, 'issueIds'), String(Number(one(values, 'issueIds')) + 1)] } : { ...values, issueIds: [] }),
      save: (db, user, values) => setAgenda(db, user, AgendaSchema.parse(values)),
      says: 'the agenda now lists “Territory”, “Ceasefire monitoring”',
    },
  ],
  'app/issues/[id]/convergence/actions.ts#recordConvergenceAction': [
    {
      name: 'the first judgement of an issue at a round',
      setUp(db, owner) {
        const { negotiationId, issueId } = talks(db, owner);
        const id = round(db, owner, negotiationId);
        return { field: `version.${id}`, form: (db) => createElement(ConvergenceForm, { action: noAction, issueId, rounds: convergenceOfIssue(db, wholeInstance(db), issueId).map((p) => ({ value: String(p.roundId), label: p.roundName, version: p.version })) }) };
      },
      change: (values, who) => ({ ...values, roundId: Object.keys(values).find((k) => k.startsWith('version.'))!.slice(8), distance: who === 'A' ? '2' : '3', note: `Judged by ${who}` }),
      save: (db, user, values) => setConvergence(db, user, ConvergenceSchema.parse(values)),
      says: 'recorded a judgement for Abu Dhabi 2 since you opened the form: the distance now reads “2 — apart”; the note now reads “Judged by A”.',
    },
    {
      name: 'a judgement replaced',
      setUp(db, owner) {
        const { negotiationId, issueId } = talks(db, owner);
        const id = round(db, owner, negotiationId);
        setConvergence(db, owner, { issueId, roundId: id, distance: 4, note: 'Walked out', version: null });
        return { field: `version.${id}`, form: (db) => createElement(ConvergenceForm, { action: noAction, issueId, rounds: convergenceOfIssue(db, wholeInstance(db), issueId).map((p) => ({ value: String(p.roundId), label: p.roundName, version: p.version })) }) };
      },
      change: (values, who) => ({ ...values, roundId: Object.keys(values).find((k) => k.startsWith('version.'))!.slice(8), distance: who === 'A' ? '1' : '3', note: `Judged by ${who}` }),
      save: (db, user, values) => setConvergence(db, user, ConvergenceSchema.parse(values)),
      says: 'the distance now reads “1 — close”; the note now reads “Judged by A”',
    },
  ],
  'app/homework/actions.ts#editHomeworkAction': [
    {
      name: 'a homework item refined',
      setUp(db, owner) {
        const { negotiationId, partyA } = talks(db, owner);
        const id = createHomework(db, owner, { negotiationId, title: 'A list of homework', description: '', issueId: null, ownerPartyIds: [partyA], assignedRoundId: null, dueRoundId: null, dueOn: null, status: 'open', resolution: '', vague: true });
        return {
          form: (db) => {
            const { item } = getHomework(db, wholeInstance(db), id, TODAY)!;
            const parties = listSeatedParties(db, wholeInstance(db), negotiationId).map((p) => ({ value: String(p.id), label: p.name }));
            return createElement(HomeworkForm, {
              action: noAction,
              negotiationId,
              parties,
              issues: [],
              rounds: [],
              item: { ...item, ownerPartyIds: item.owners.map((o) => o.id) },
            });
          },
        };
      },
      change: (values, who) => ({ ...values, title: `Withdrawal mechanics, as ${who} has it` }),
      save: (db, user, values) => {
        const { homeworkId, version, ...input } = HomeworkEditSchema.parse(values);
        editHomework(db, user, homeworkId, version, input);
      },
      says: 'the title now reads “Withdrawal mechanics, as A has it”',
    },
  ],
  'app/homework/actions.ts#changeHomeworkStatusAction': [
    {
      name: 'the status of a homework item',
      setUp(db, owner) {
        const { negotiationId, partyA } = talks(db, owner);
        const id = createHomework(db, owner, { negotiationId, title: 'Monitoring arrangements', description: '', issueId: null, ownerPartyIds: [partyA], assignedRoundId: null, dueRoundId: null, dueOn: null, status: 'open', resolution: '', vague: false });
        return {
          form: (db) => {
            const { item } = getHomework(db, wholeInstance(db), id, TODAY)!;
            return createElement(HomeworkStatusForm, { action: noAction, homeworkId: id, version: item.version, status: item.status, resolution: item.resolution });
          },
        };
      },
      change: (values, who) => ({ ...values, status: who === 'A' ? 'delivered' : 'dropped', resolution: `Settled by ${who}` }),
      save: (db, user, values) => changeHomeworkStatus(db, user, HomeworkStatusSchema.parse(values)),
      says: 'the status now reads “delivered”; the resolution now reads “Settled by A”',
    },
  ],
  'app/updates/actions.ts#editUpdateAction': [
    {
      name: 'the text of an update (its author and an admin)',
      role: 'admin',
      setUp(db, owner) {
        const { negotiationId } = talks(db, owner);
        const { id } = logUpdate(db, owner, UpdateSchema.parse({ negotiationId: String(negotiationId), body: 'Lavrov called the guarantees nonsense.', occurredOn: '2026-02-05' }));
        return {
          form: (db) => {
            const found = getUpdateForEdit(db, wholeInstance(db), id)!;
            const choices = updateFormChoices(db, wholeInstance(db));
            const { update } = found;
            return createElement(UpdateForm, {
              action: noAction,
              negotiations: choices.negotiations.filter((n) => n.id === update.negotiationId),
              cited: citableByIds(db, wholeInstance(db), found.sourceIds, update.negotiationId),
              start: { ...found, ...update, edit: { updateId: update.id, version: update.version } },
            });
          },
        };
      },
      change: (values, who) => ({ ...values, body: `Lavrov, as ${who} transcribed him.` }),
      save: (db, user, values) => {
        const data = UpdateEditSchema.parse(values);
        editUpdate(db, user, data.updateId, data.version, data);
      },
      says: 'the text now reads “Lavrov, as A transcribed him.”',
    },
  ],
  'app/corroborations/actions.ts#markAction': [
    {
      name: 'the verdict on a group of reports',
      setUp(db, owner) {
        const { negotiationId } = talks(db, owner);
        const log = (body: string) => logUpdate(db, owner, UpdateSchema.parse({ negotiationId: String(negotiationId), body, occurredOn: '2026-02-05' })).id;
        const id = createCorroboration(db, owner, { label: 'Prisoner exchange', note: '', updateIds: [log('314 prisoners exchanged'), log('157 per side')] });
        return {
          form: (db) => {
            const group = getCorroboration(db, wholeInstance(db), id)!;
            return createElement(MarkForm, { action: noAction, corroborationId: id, version: group.version, consistent: group.consistent, note: group.note });
          },
        };
      },
      change: (values, who) => ({ ...values, mark: who === 'A' ? 'consistent' : 'inconsistent', note: `314 in all, says ${who}` }),
      save: (db, user, values) => markCorroboration(db, user, MarkSchema.parse(values)),
      says: 'the verdict now reads “consistent”; the note now reads “314 in all, says A”',
    },
  ],
  'app/admin/users/actions.ts#changeRoleAction': [
    {
      name: "a user's role (two admins)",
      role: 'admin',
      setUp(db) {
        const target = makeUser(db, 'viewer');
        return { form: (db) => createElement(UserRoleForm, { action: noAction, user: listUsers(db).find((u) => u.id === target.id)! }) };
      },
      change: (values, who) => ({ ...values, role: who === 'A' ? 'analyst' : 'admin' }),
      save: (db, user, values) => {
        const { userId, version, role } = UserRoleSchema.parse(values);
        updateUserAccess(db, user, userId, { role }, version);
      },
      says: 'the role now reads “analyst”',
    },
  ],
  'app/admin/users/actions.ts#setDisabledAction': [
    {
      name: 'disabling a user (two admins)',
      role: 'admin',
      setUp(db) {
        const target = makeUser(db, 'analyst');
        return { form: (db) => createElement(UserDisabledForm, { action: noAction, user: listUsers(db).find((u) => u.id === target.id)! }) };
      },
      change: (values) => values,
      save: (db, user, values) => {
        const { userId, version, disabled } = UserDisabledSchema.parse(values);
        updateUserAccess(db, user, userId, { disabled }, version);
      },
      says: 'the account is now disabled',
    },
  ],
  'app/admin/users/actions.ts#resetPasswordAction': [
    {
      name: "resetting a user's password (two admins)",
      role: 'admin',
      setUp(db) {
        const target = makeUser(db, 'analyst');
        return { form: (db) => createElement(PasswordResetForm, { action: noAction, user: listUsers(db).find((u) => u.id === target.id)! }) };
      },
      change: (values) => ({ ...values, password: MATRIX_PASSWORD }),
      save: (db, user, values) => {
        const { userId, version } = PasswordResetSchema.parse(values);
        setPassword(db, user, userId, `scrypt$hash-set-by-${user.id}`, version);
      },
      says: 'the password was reset',
    },
  ],
};

const idOf = (a: ActionEntry) => `${a.file}#${a.name}`;
const EDITS = ACTIONS.filter((a) => a.kind === 'edit');

/** Every row of every table: a refused save must leave all of them as they were. */
function everything(db: DB) {
  const tables = db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'`).all() as { name: string }[];
  return Object.fromEntries(tables.map((t) => [t.name, db.$client.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all()]));
}

describe('every edit action refuses a save from a version that is no longer current', () => {
  it('has two-people cases for every edit action in the authorization matrix, and for nothing else', () => {
    expect(EDITS.length).toBeGreaterThan(15);
    expect(EDITS.map(idOf).filter((id) => !CASES[id]?.length), 'Add a case to CASES for each of these edit actions').toEqual([]);
    expect(Object.keys(CASES).filter((id) => !EDITS.some((a) => idOf(a) === id)), 'These are not edit actions in tests/authz-matrix.ts').toEqual([]);
  });

  for (const action of EDITS) {
    for (const c of CASES[idOf(action)] ?? []) {
      it(`${action.name}: ${c.name}`, () => {
        const db = freshDb();
        const role = c.role ?? 'analyst';
        const owner = makeUser(db, role);
        const a = makeUser(db, role);
        const b = makeUser(db, role);
        const opening = c.setUp(db, owner);
        const save = opening.save ?? c.save!;
        const change = opening.change ?? c.change;
        const open = () => {
          const markup = html(opening.form(db));
          return { html: markup, values: submittedValues(markup) };
        };
        const field = opening.field ?? action.versionField ?? 'version';

        // Both open the form on the same version; it travels in a hidden field.
        const seenByA = open();
        const seenByB = open();
        expect(seenByA.html, 'the form carries the version it was opened on in a hidden field').toMatch(new RegExp(`<input type="hidden" name="${field.replace('.', '\\.')}" value="\\d*"`));
        expect(seenByB.values[field]).toBe(seenByA.values[field]);

        save(db, a, change(seenByA.values, 'A'));

        const before = everything(db);
        let refusal: unknown;
        try {
          save(db, b, change(seenByB.values, 'B'));
        } catch (error) {
          refusal = error;
        }
        expect(refusal, 'the second save from the same version was not refused').toBeInstanceOf(ConflictError);
        const message = (refusal as Error).message;
        expect(message).toContain(a.name);
        expect(message).toContain('since you opened the form');
        if (typeof c.says === 'string') expect(message).toContain(c.says);
        else expect(message).toMatch(c.says);
        expect(message).toMatch(/Review and save again\.$/);
        expect(everything(db), 'a refused save wrote something').toEqual(before);

        // B's page, shown afresh, carries the version now current: saving again, once reviewed, goes through.
        const reopened = open();
        expect(reopened.values[field]).not.toBe(seenByB.values[field]);
        save(db, b, change(reopened.values, 'B'));
      });
    }
  }
});
