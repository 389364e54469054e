import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HALF_FILLED_SOURCE, withNewSource } from '@/lib/validation/sources';

// Every form that can carry a new source (SourcePicker / NewSourceFields, fields named `source.*`) reads it through
// withNewSource: half a source is refused beside its Outlet field and nothing is written, never dropped in silence.

const grades = { 'source.reliability': 'F', 'source.credibility': '6' };

describe('a new source typed into a form', () => {
  it('nothing typed: no source, and the write goes on', () => {
    expect(withNewSource({ ...grades }, (source) => ({ wrote: source }))).toEqual({ wrote: null });
  });

  it.each([
    ['source.url', 'https://www.ft.com/content/abc'],
    ['source.title', 'Ukraine and Russia agree prisoner swap'],
    ['source.quote', 'a list of homework'],
    ['source.publishedOn', '2026-02-05'],
  ])('%s without an outlet is refused beside the Outlet field, and nothing is written', (field, value) => {
    let wrote = false;
    const answer = withNewSource({ ...grades, [field]: value }, () => (wrote = true));
    expect(wrote).toBe(false);
    expect(answer).toMatchObject({ ok: false, errors: { 'source.outlet': [HALF_FILLED_SOURCE] } });
  });

  it('a whole source is written', () => {
    const answer = withNewSource({ ...grades, 'source.outlet': 'Financial Times', 'source.url': 'https://www.ft.com/content/abc' }, (source) => source);
    expect(answer).toMatchObject({ outlet: 'Financial Times', url: 'https://www.ft.com/content/abc' });
  });

  it('the actions of the forms with source fields read them through withNewSource', () => {
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const reading = walk('app')
      .filter((f) => f.endsWith('actions.ts') && /with(New|Cancellation)Source\(/.test(fs.readFileSync(f, 'utf8')))
      .sort();
    // The pages whose forms show SourcePicker / NewSourceFields: positions and status (issue page), updates, rounds.
    expect(reading).toEqual(['app/issues/[id]/actions.ts', 'app/negotiations/[id]/rounds/new/actions.ts', 'app/rounds/[id]/actions.ts', 'app/updates/actions.ts']);
  });
});
