import { describe, expect, it } from 'vitest';
import { cachedRead } from '@/db/read-cache';
import { freshDb, makeUser } from './factories';
import { wholeInstance } from '@/db/queries/access';

// The read cache (db/read-cache.ts) as readers of a page or a rendered export see it.

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('read cache: renders and what it keeps', () => {
  it('a failed PDF render is not kept for the next reader', async () => {
    const db = freshDb();
    let renders = 0;
    const render = () =>
      cachedRead(db, wholeInstance(db), ['pdf', 1], () => {
        renders += 1;
        return renders === 1 ? Promise.reject(new Error('font missing')) : Promise.resolve('PDF');
      });
    await expect(render()).rejects.toThrow('font missing');
    await settle();
    await expect(render()).resolves.toBe('PDF');
    expect(renders).toBe(2);
  });

  it('ten readers of one PDF wait for one rendering, and a finished one is kept', async () => {
    const db = freshDb();
    let renders = 0;
    const render = () => cachedRead(db, wholeInstance(db), ['pdf', 2], () => (renders += 1, Promise.resolve(Buffer.from('%PDF'))));
    const all = await Promise.all(Array.from({ length: 10 }, render));
    await settle();
    await render();
    expect(renders).toBe(1);
    expect(all.every((pdf) => pdf.toString() === '%PDF')).toBe(true);
  });

  it('an old render failing after a write does not drop the render made since', async () => {
    const db = freshDb();
    let fail!: (e: Error) => void;
    const old = cachedRead(db, wholeInstance(db), ['pdf', 3], () => new Promise<string>((_, reject) => (fail = reject)));
    makeUser(db); // any write starts a new state
    let renders = 0;
    const fresh = cachedRead(db, wholeInstance(db), ['pdf', 3], () => (renders += 1, Promise.resolve('new PDF')));
    fail(new Error('cancelled'));
    await expect(old).rejects.toThrow('cancelled');
    await settle();
    expect(cachedRead(db, wholeInstance(db), ['pdf', 3], () => (renders += 1, Promise.resolve('again')))).toBe(fresh);
    expect(renders).toBe(1);
  });

  it('keeps the bytes of a rendered file as they are, where freezing would fail', () => {
    const db = freshDb();
    const bytes = cachedRead(db, wholeInstance(db), ['docx'], () => new Uint8Array([80, 75, 3, 4]));
    expect([...bytes]).toEqual([80, 75, 3, 4]);
    expect(cachedRead(db, wholeInstance(db), ['docx'], () => new Uint8Array())).toBe(bytes);
  });

  it('freezes the values held in a Map, so one reader cannot change another’s', () => {
    const db = freshDb();
    const byIssue = cachedRead(db, wholeInstance(db), ['by issue'], () => new Map([[1, { title: 'Donbas status' }]]));
    expect(() => {
      byIssue.get(1)!.title = 'changed';
    }).toThrow(TypeError);
    expect(cachedRead(db, wholeInstance(db), ['by issue'], () => new Map<number, { title: string }>()).get(1)!.title).toBe('Donbas status');
  });

  it('freezes every level of a page’s data', () => {
    const db = freshDb();
    const page = cachedRead(db, wholeInstance(db), ['page'], () => ({ negotiation: { issues: [{ parties: [{ stance: 'opposes' }] }] } }));
    expect(() => {
      page.negotiation.issues[0].parties[0].stance = 'supports';
    }).toThrow(TypeError);
  });

  it('holds 64 pages and drops the oldest for the 65th', () => {
    const db = freshDb();
    const computed: number[] = [];
    const read = (n: number) => cachedRead(db, wholeInstance(db), ['page', n], () => (computed.push(n), n));
    for (let n = 0; n < 64; n++) read(n);
    read(0); // the first page read again: from memory, and now the most recent
    expect(computed).toEqual(Array.from({ length: 64 }, (_, n) => n));
    read(64); // the 65th: page 1, now the least recently used, makes room
    read(0);
    expect(computed.slice(64)).toEqual([64]);
    read(1);
    expect(computed.slice(64)).toEqual([64, 1]);
  });
});
