import { describe, expect, it } from 'vitest';
import { activityHref, summarizeActivity, type AuditLike } from '@/lib/activity';

// The activity list's sentences and links, made from audit rows (lib/activity.ts).

const row = (entity: string, action: string, after: unknown, before: unknown = null, entityId: number | null = 1): AuditLike => ({
  entity,
  action,
  entityId,
  before: before === null ? null : JSON.stringify(before),
  after: after === null ? null : JSON.stringify(after),
});

describe('what the activity list says happened', () => {
  it('a new position is "recorded"; a changed one "changed"', () => {
    expect(summarizeActivity(row('position', 'create', { summary: 'Rejects any settlement' }))).toBe('recorded a position: Rejects any settlement');
    expect(summarizeActivity(row('position', 'update', { summary: 'Accepts talks' }))).toBe('changed a position: Accepts talks');
  });

  it('names each kind of record in words, and anything else by its name', () => {
    const words = [
      ['issue', 'an issue'],
      ['homework', 'homework'],
      ['negotiation', 'a negotiation'],
      ['negotiation_party', 'a seat at the table'],
      ['party', 'a party'],
      ['actor', 'an actor'],
      ['source', 'a source'],
      ['update', 'an update'],
      ['round', 'a round'],
      ['outcome', 'an outcome'],
      ['status_change', 'a status change'],
      ['convergence', 'a convergence judgement'],
      ['corroboration', 'a group of corroborating updates'],
      ['saved_view', 'saved view'],
    ];
    for (const [entity, what] of words) expect(summarizeActivity(row(entity, 'create', {}))).toBe(`added ${what}`);
  });

  it('says added, changed, deleted or imported, and an unknown action as it is', () => {
    expect(summarizeActivity(row('party', 'create', { name: 'Russia' }))).toBe('added a party: Russia');
    expect(summarizeActivity(row('party', 'update', { name: 'Russia' }))).toBe('changed a party: Russia');
    expect(summarizeActivity(row('negotiation', 'import', { name: 'Strategic stability' }))).toBe('imported a negotiation: Strategic stability');
    expect(summarizeActivity(row('party', 'archive', { name: 'Russia' }))).toBe('archive a party: Russia');
  });

  it('names a deleted record from what it was', () => {
    expect(summarizeActivity(row('party', 'delete', null, { name: 'Coalition of the willing' }))).toBe('deleted a party: Coalition of the willing');
  });

  it('names a record by its title, else its label, name, summary, text or outlet', () => {
    const all = { title: 'T', label: 'L', name: 'N', summary: 'S', body: 'B', outlet: 'O' };
    const order = ['title', 'label', 'name', 'summary', 'body', 'outlet'] as const;
    order.forEach((key, i) => {
      const data = Object.fromEntries(order.slice(i).map((k) => [k, all[k]]));
      expect(summarizeActivity(row('source', 'create', data))).toBe(`added a source: ${all[key]}`);
    });
  });

  it('skips a blank name and trims the one it uses', () => {
    expect(summarizeActivity(row('issue', 'create', { title: '   ', name: '  Donbas status  ' }))).toBe('added an issue: Donbas status');
    expect(summarizeActivity(row('issue', 'create', { title: 42 }))).toBe('added an issue');
  });

  it('reads an unreadable or non-object row as having no detail', () => {
    expect(summarizeActivity({ entity: 'issue', action: 'create', entityId: 1, before: null, after: 'not json' })).toBe('added an issue');
    expect(summarizeActivity({ entity: 'issue', action: 'create', entityId: 1, before: null, after: '5' })).toBe('added an issue');
    expect(summarizeActivity({ entity: 'issue', action: 'create', entityId: 1, before: 'null', after: '' })).toBe('added an issue');
  });

  it('shows markdown as plain text, on one line, clipped at 140 characters', () => {
    expect(summarizeActivity(row('update', 'create', { body: 'An exchange of **314 prisoners**,\n\n_157 per side_ (`TASS`) # > done' }))).toBe(
      'added an update: An exchange of 314 prisoners, 157 per side (TASS) done',
    );
    const exact = 'x'.repeat(140);
    expect(summarizeActivity(row('update', 'create', { body: exact }))).toBe(`added an update: ${exact}`);
    expect(summarizeActivity(row('update', 'create', { body: `${exact}y` }))).toBe(`added an update: ${'x'.repeat(139)}…`);
  });

  it('a convergence judgement says its distance, what it was, and the note', () => {
    expect(summarizeActivity(row('convergence', 'update', { distance: 2, note: ' closer ' }, { distance: 3 }))).toBe(
      'changed a convergence judgement: distance 2 (was 3): closer',
    );
    expect(summarizeActivity(row('convergence', 'update', { distance: 2, note: '' }, { distance: 2 }))).toBe('changed a convergence judgement: distance 2');
    expect(summarizeActivity(row('convergence', 'create', { distance: 0 }))).toBe('added a convergence judgement: distance 0');
    expect(summarizeActivity(row('convergence', 'update', { distance: 1 }, { distance: 'far' }))).toBe('changed a convergence judgement: distance 1');
    expect(summarizeActivity(row('convergence', 'update', { distance: 'far', note: 'n' }))).toBe('changed a convergence judgement');
  });

  it('an issue or homework whose status moved says from what to what', () => {
    expect(summarizeActivity(row('issue', 'update', { title: 'Donbas status', status: 'deadlocked' }, { title: 'Donbas status', status: 'under_discussion' }))).toBe(
      'changed an issue: Donbas status — status under discussion → deadlocked',
    );
    expect(summarizeActivity(row('homework', 'update', { status: 'in_progress' }, { status: 'open' }))).toBe('changed homework: — status open → in progress');
  });

  it('says nothing of a status that did not move, or of a status on another kind of record', () => {
    expect(summarizeActivity(row('issue', 'update', { title: 'Donbas', status: 'agreed' }, { status: 'agreed' }))).toBe('changed an issue: Donbas');
    expect(summarizeActivity(row('issue', 'update', { title: 'Donbas', status: '' }, { status: 'agreed' }))).toBe('changed an issue: Donbas');
    expect(summarizeActivity(row('issue', 'create', { title: 'Donbas', status: 'proposed' }))).toBe('added an issue: Donbas');
    expect(summarizeActivity(row('round', 'update', { name: 'Round 3', status: 'held' }, { status: 'planned' }))).toBe('changed a round: Round 3');
  });

  it('only a convergence judgement is told by its distance, and only a group by its mark', () => {
    expect(summarizeActivity(row('outcome', 'create', { title: 'POW exchange', distance: 2 }))).toBe('added an outcome: POW exchange');
    expect(summarizeActivity(row('update', 'update', { body: 'Swap confirmed', consistent: true }, { consistent: false }))).toBe('changed an update: Swap confirmed');
  });

  it('reads a before that is a bare value as no before: no status move is made up', () => {
    const issue = { entity: 'issue', action: 'update', entityId: 1, before: '5', after: JSON.stringify({ title: 'Donbas', status: 'agreed' }) };
    expect(summarizeActivity(issue)).toBe('changed an issue: Donbas');
    expect(summarizeActivity({ ...issue, before: '"text"' })).toBe('changed an issue: Donbas');
  });

  it('a group of corroborating updates says how the analyst marked it', () => {
    const mark = (consistent: boolean | null, was: boolean | null = null) => summarizeActivity(row('corroboration', 'update', { label: 'Prisoner exchange', consistent }, { consistent: was }));
    expect(mark(true)).toBe('changed a group of corroborating updates: Prisoner exchange — marked consistent');
    expect(mark(false)).toBe('changed a group of corroborating updates: Prisoner exchange — marked inconsistent');
    expect(mark(null, true)).toBe('changed a group of corroborating updates: Prisoner exchange — marked not judged');
    expect(mark(true, true)).toBe('changed a group of corroborating updates: Prisoner exchange');
    expect(summarizeActivity(row('corroboration', 'update', { consistent: true }, { consistent: null }))).toBe('changed a group of corroborating updates: — marked consistent');
    expect(summarizeActivity(row('corroboration', 'create', { label: 'Swap', consistent: true }))).toBe('added a group of corroborating updates: Swap');
  });
});

describe('where the activity list links to', () => {
  it('an issue, homework, a negotiation and a round link to their own pages', () => {
    expect(activityHref(row('issue', 'update', {}, null, 5))).toBe('/issues/5');
    expect(activityHref(row('homework', 'update', {}, null, 6))).toBe('/homework/6');
    expect(activityHref(row('negotiation', 'update', {}, null, 7))).toBe('/negotiations/7');
    expect(activityHref(row('round', 'update', {}, null, 8))).toBe('/rounds/8');
    expect(activityHref(row('convergence', 'update', {}, null, 9))).toBe('/issues/9/convergence');
    for (const entity of ['issue', 'homework', 'negotiation', 'round', 'convergence', 'corroboration']) expect(activityHref(row(entity, 'update', {}, null, null))).toBeNull();
  });

  it('a position or a status change links to its issue', () => {
    expect(activityHref(row('position', 'create', { issueId: 3 }, null, 40))).toBe('/issues/3');
    expect(activityHref(row('status_change', 'create', { issueId: 4 }, null, 41))).toBe('/issues/4');
    expect(activityHref(row('position', 'delete', null, { issueId: 3 }, 40))).toBe('/issues/3');
    expect(activityHref(row('position', 'create', { issueId: '3' }))).toBeNull();
    expect(activityHref(row('position', 'create', { issueId: 3.5 }))).toBeNull();
    expect(activityHref(row('status_change', 'create', {}))).toBeNull();
  });

  it('a group of corroborating updates links to itself, unless it was deleted', () => {
    expect(activityHref(row('corroboration', 'update', {}, null, 2))).toBe('/corroborations/2');
    expect(activityHref(row('corroboration', 'delete', null, {}, 2))).toBeNull();
  });

  it('an update links to its negotiation', () => {
    expect(activityHref(row('update', 'create', { negotiationId: 2 }, null, 30))).toBe('/negotiations/2');
    expect(activityHref(row('update', 'create', { body: 'x' }, null, 30))).toBeNull();
  });

  it('a record without a page of its own has no link', () => {
    expect(activityHref(row('party', 'update', { name: 'Russia' }, null, 3))).toBeNull();
    expect(activityHref({ entity: 'issue', action: 'update', entityId: 5, before: null, after: 'not json' })).toBe('/issues/5');
  });
});
