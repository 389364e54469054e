import type { FormState } from '@/lib/validation/fields';
import { sentList, sentText } from '@/lib/validation/form-values';
import { ids, type UpdateFormStart } from './choices';

/** The answers of the update form that other fields default from: its date, its issues and its parties. */
export type Answers = { occurredOn: string; issueIds: string[]; partyIds: string[] };

/** As the form opens: what a refused save sent, else what the page started it with. */
export function answersAtStart(state: FormState, start: UpdateFormStart): Answers {
  if (state.values) {
    return { occurredOn: sentText(state.values).occurredOn ?? '', issueIds: sentList(state.values, 'issueIds'), partyIds: sentList(state.values, 'partyIds') };
  }
  return { occurredOn: start.occurredOn, issueIds: ids(start.issueIds), partyIds: ids(start.partyIds) };
}

/** As the form holds them now. */
export function answersIn(data: FormData): Answers {
  const list = (name: string) => data.getAll(name).map(String);
  return { occurredOn: String(data.get('occurredOn') ?? ''), issueIds: list('issueIds'), partyIds: list('partyIds') };
}

export const sameAnswers = (a: Answers, b: Answers) =>
  a.occurredOn === b.occurredOn && a.issueIds.join(' ') === b.issueIds.join(' ') && a.partyIds.join(' ') === b.partyIds.join(' ');

/** The one value of `chosen` that is among `offered`, or '' when there is none or several to choose from. */
export function onlyOne(chosen: string[], offered: { value: string }[]): string {
  const among = chosen.filter((c) => offered.some((o) => o.value === c));
  return among.length === 1 ? among[0] : '';
}
