import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { formValues, sentList, sentText } from '@/lib/validation/form-values';
import { idList, multiValue } from '@/lib/validation/fields';
import { HomeworkSchema } from '@/lib/validation/homework';
import { AgendaSchema } from '@/lib/validation/rounds';
import { UpdateSchema } from '@/lib/validation/updates';
import { CheckboxGroup } from '@/components/ui/CheckboxGroup';
import { MultiSelectField } from '@/components/ui/Field';

// One encoding for a field with several values: its name repeated, once per value (lib/validation/form-values.ts).

/** A form as the browser sends it: entries in order, a multi-value field's name once per value. */
function sent(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('reading a form', () => {
  it('keeps every value of a repeated name, in order, and one value as text', () => {
    const values = formValues(sent([['title', 'Withdrawal mechanics'], ['owners', '3'], ['owners', '1'], ['owners', '2']]));
    expect(values).toEqual({ title: 'Withdrawal mechanics', owners: ['3', '1', '2'] });
  });

  it('never splits a value, so values may contain commas', () => {
    const values = formValues(sent([['capitals', 'Kyiv, Moscow'], ['capitals', 'Washington, D.C.']]));
    expect(sentList(values, 'capitals')).toEqual(['Kyiv, Moscow', 'Washington, D.C.']);
    expect(multiValue().parse(values.capitals)).toEqual(['Kyiv, Moscow', 'Washington, D.C.']);
    // One value with a comma stays one value.
    const one = formValues(sent([['capitals', 'Kyiv, Moscow']]));
    expect(multiValue().parse(one.capitals)).toEqual(['Kyiv, Moscow']);
  });

  it("leaves out React's own fields and files", () => {
    const values = formValues(sent([['$ACTION_ID_abc', ''], ['$ACTION_REF_1', ''], ['file', new Blob(['x'])], ['name', 'Lavrov']]));
    expect(values).toEqual({ name: 'Lavrov' });
  });

  it('gives a refused form its text back and the lists separately', () => {
    const values = formValues(sent([['title', 'T'], ['ownerPartyIds', '1'], ['ownerPartyIds', '2']]));
    expect(sentText(values).title).toBe('T');
    expect(sentList(values, 'ownerPartyIds')).toEqual(['1', '2']);
    expect(sentList(values, 'issueIds')).toEqual([]);
  });
});

describe('validating ids sent as a multi-value field', () => {
  const issues = idList('issues');

  it('takes none, one or several, from a form or from JSON, and drops repeats', () => {
    expect(issues.parse(undefined)).toEqual([]);
    expect(issues.parse('4')).toEqual([4]);
    expect(issues.parse(['4', '7', '4'])).toEqual([4, 7]);
    expect(issues.parse([4, 7])).toEqual([4, 7]);
  });

  it('refuses a value that is not an id, a comma-joined list included', () => {
    expect(issues.safeParse('3,4').error?.issues[0].message).toBe('Choose issues from the list.');
    expect(issues.safeParse(['3', 'x']).success).toBe(false);
    expect(issues.safeParse(['0']).success).toBe(false);
  });

  it('is what the homework, agenda and update forms send', () => {
    const homework = formValues(
      sent([
        ['negotiationId', '1'],
        ['title', 'Monitoring arrangements'],
        ['ownerPartyIds', '2'],
        ['ownerPartyIds', '3'],
        ['status', 'open'],
      ]),
    );
    expect(HomeworkSchema.parse(homework).ownerPartyIds).toEqual([2, 3]);
    expect(HomeworkSchema.safeParse({ ...homework, ownerPartyIds: undefined }).error?.issues[0].message).toBe('Choose at least one owner party.');

    expect(AgendaSchema.parse(formValues(sent([['roundId', '5'], ['version', '3'], ['issueIds', '8'], ['issueIds', '9']])))).toEqual({ roundId: 5, version: 3, issueIds: [8, 9] });
    expect(AgendaSchema.parse(formValues(sent([['roundId', '5'], ['version', '3']])))).toEqual({ roundId: 5, version: 3, issueIds: [] });

    const update = UpdateSchema.parse(
      formValues(
        sent([
          ['negotiationId', '1'],
          ['body', 'Lavrov called the guarantees nonsense.'],
          ['occurredOn', '2026-02-05'],
          ['partyIds', '2'],
          ['sourceIds', '5'],
          ['sourceIds', '6'],
          ['newHomework.title', 'Draft the monitoring annex'],
          ['newHomework.ownerPartyIds', '1'],
          ['newHomework.ownerPartyIds', '2'],
        ]),
      ),
    );
    expect(update).toMatchObject({ partyIds: [2], issueIds: [], sourceIds: [5, 6], changes: { newHomework: { ownerPartyIds: [1, 2] } } });
  });
});

describe('showing a multi-value field again', () => {
  const options = [
    { value: 'Kyiv, Moscow', label: 'Kyiv and Moscow' },
    { value: 'Washington', label: 'Washington' },
  ];
  const checkedValues = (html: string) =>
    [...html.matchAll(/<input [^>]*>/g)].filter((m) => m[0].includes('checked=""')).map((m) => /value="([^"]*)"/.exec(m[0])![1]);

  it('names every checkbox alike and ticks what was sent, over what the form opened with', () => {
    const opened = renderToStaticMarkup(createElement(CheckboxGroup, { legend: 'Capitals', name: 'capitals', options, checked: ['Washington'] }));
    expect(opened.match(/name="capitals"/g)).toHaveLength(2);
    expect(checkedValues(opened)).toEqual(['Washington']);

    const refused = renderToStaticMarkup(
      createElement(CheckboxGroup, { legend: 'Capitals', name: 'capitals', options, checked: ['Washington'], values: formValues(sent([['capitals', 'Kyiv, Moscow']])) }),
    );
    expect(checkedValues(refused)).toEqual(['Kyiv, Moscow']);
    // Sent with nothing ticked: nothing is ticked again.
    expect(checkedValues(renderToStaticMarkup(createElement(CheckboxGroup, { legend: 'Capitals', name: 'capitals', options, checked: ['Washington'], values: {} })))).toEqual([]);
  });

  it('selects in a multiple select what was sent', () => {
    const html = renderToStaticMarkup(
      createElement(MultiSelectField, { label: 'Cite existing sources', name: 'sourceIds', options, chosen: [], values: formValues(sent([['sourceIds', 'Kyiv, Moscow'], ['sourceIds', 'Washington']])) }),
    );
    expect(html).toContain('multiple=""');
    const selected = [...html.matchAll(/<option [^>]*>/g)].filter((m) => m[0].includes('selected=""')).map((m) => /value="([^"]*)"/.exec(m[0])![1]);
    expect(selected).toEqual(['Kyiv, Moscow', 'Washington']);
  });
});
