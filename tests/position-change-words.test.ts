import { describe, expect, it } from 'vitest';
import { describePositionChange, whatChanged } from '@/lib/position-change';
import { hrefOf } from '@/lib/links';

// What a position's history says of each version, and where a record is shown (lib/position-change.ts, lib/links.ts).

const russia = { stance: 'opposes', summary: 'Ukrainian withdrawal from Donbas', redLines: 'No foreign troops', flexibility: 'low' };

describe('what a new position version changed', () => {
  it('the first version of a party’s position says so', () => {
    expect(describePositionChange(undefined, russia)).toBe('First recorded position.');
  });

  it('names a new stance and flexibility in words, from and to', () => {
    expect(describePositionChange(russia, { ...russia, stance: 'no_position' })).toBe('Changed: stance opposes → no stated position.');
    expect(describePositionChange(russia, { ...russia, flexibility: 'moderate' })).toBe('Changed: flexibility low → moderate.');
  });

  it('says a summary or red lines were revised, without repeating them', () => {
    expect(describePositionChange(russia, { ...russia, summary: 'A freeze on the line of contact' })).toBe('Changed: summary revised.');
    expect(describePositionChange(russia, { ...russia, redLines: '' })).toBe('Changed: red lines revised.');
  });

  it('lists every change, in the order stance, flexibility, summary, red lines', () => {
    expect(describePositionChange(russia, { stance: 'conditional', flexibility: 'high', summary: 'x', redLines: 'y' })).toBe(
      'Changed: stance opposes → conditional; flexibility low → high; summary revised; red lines revised.',
    );
  });

  it('a position restated as it was says so', () => {
    expect(describePositionChange(russia, { ...russia })).toBe('Restated without change.');
  });
});

describe('what changed, after a "What changed:" label (the round briefings)', () => {
  it('starts with the first change, capitalised, without saying "Changed:" again', () => {
    expect(whatChanged(russia, { ...russia, stance: 'conditional' })).toBe('Stance opposes → conditional.');
    expect(whatChanged(russia, { ...russia, summary: 'x', redLines: 'y' })).toBe('Summary revised; red lines revised.');
    expect(whatChanged(russia, { stance: 'conditional', flexibility: 'high', summary: 'x', redLines: 'y' })).toBe(
      'Stance opposes → conditional; flexibility low → high; summary revised; red lines revised.',
    );
  });

  it('says a first version, and a version restated as it was, as the history does', () => {
    expect(whatChanged(undefined, russia)).toBe('First recorded position.');
    expect(whatChanged(russia, { ...russia })).toBe('Restated without change.');
  });
});

describe('where a record is shown', () => {
  it('links each kind of record to its page', () => {
    expect(hrefOf({ to: 'negotiation', id: 1 })).toBe('/negotiations/1');
    expect(hrefOf({ to: 'issue', id: 2 })).toBe('/issues/2');
    expect(hrefOf({ to: 'round', id: 3 })).toBe('/rounds/3');
    expect(hrefOf({ to: 'homework', id: 4 })).toBe('/homework/4');
    expect(hrefOf({ to: 'update', id: 5 })).toBe('/updates/5');
  });

  it('shows a position on its issue’s page and an actor on the parties page, each at its own place', () => {
    expect(hrefOf({ to: 'position', id: 6, issueId: 2 })).toBe('/issues/2#position-6');
    expect(hrefOf({ to: 'actor', id: 7 })).toBe('/parties#actor-7');
  });

  it('has no link for no record', () => {
    expect(hrefOf(null)).toBe('');
  });
});
