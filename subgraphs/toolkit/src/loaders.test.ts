import { describe, expect, it } from 'vitest';
import { groupedLoader, keyedLoader, loadersPerVerzoek } from './loaders.js';

describe('keyedLoader', () => {
  it('answers each key with its row, whatever order the rows come in, and null for a miss', async () => {
    const calls: (readonly string[])[] = [];
    const loader = keyedLoader(
      async (keys: readonly string[]) => {
        calls.push(keys);
        // Backend order is not key order, and "c" has no row.
        return [{ id: 'b', n: 2 }, { id: 'a', n: 1 }];
      },
      (row) => row.id,
    );
    const [a, b, c] = await Promise.all([loader.load('a'), loader.load('b'), loader.load('c')]);
    expect([a?.n, b?.n, c]).toEqual([1, 2, null]);
    expect(calls).toEqual([['a', 'b', 'c']]);
  });
});

describe('groupedLoader', () => {
  it('groups rows under their parent in one batch and gives [] to a parent without rows', async () => {
    let batches = 0;
    const loader = groupedLoader(
      async (keys: readonly string[]) => {
        batches += 1;
        expect(keys).toEqual(['p1', 'p2', 'p3']);
        return [{ parent: 'p2', v: 'x' }, { parent: 'p1', v: 'y' }, { parent: 'p2', v: 'z' }];
      },
      (row) => row.parent,
    );
    const [p1, p2, p3] = await Promise.all(['p1', 'p2', 'p3'].map((key) => loader.load(key)));
    expect(p1.map((r) => r.v)).toEqual(['y']);
    expect(p2.map((r) => r.v)).toEqual(['x', 'z']);
    expect(p3).toEqual([]);
    expect(batches).toBe(1);
  });
});

describe('loadSettled', () => {
  it('answers a key the loader has without a promise and with the same value as load; a key it has not, or a failed one, by load', async () => {
    let batches = 0;
    const loader = keyedLoader(
      async (keys: readonly string[]) => {
        batches += 1;
        return keys.filter((key) => key !== 'c').map((id) => ({ id }));
      },
      (row) => row.id,
    );
    const first = loader.loadSettled('a');
    expect(first).toBeInstanceOf(Promise);
    const a = await first;
    expect(loader.loadSettled('a')).toBe(a);
    expect(loader.loadSettled('a')).toBe(await loader.load('a'));
    expect(loader.loadSettled('c')).toBeInstanceOf(Promise);
    expect(await loader.loadSettled('c')).toBeNull();
    expect(loader.loadSettled('c')).toBeNull(); // a miss is an answer too
    expect(batches).toBe(2);
    // Cleared: loaded again, as load would be.
    loader.clear('a');
    expect(loader.loadSettled('a')).toBeInstanceOf(Promise);

    const failing = groupedLoader(
      async (): Promise<{ parent: string }[]> => {
        throw new Error('database gone');
      },
      (row) => row.parent,
    );
    await expect(failing.loadSettled('p')).rejects.toThrow('database gone');
    expect(failing.loadSettled('p')).toBeInstanceOf(Promise);
    await expect(failing.loadSettled('p')).rejects.toThrow('database gone');
  });
});

describe('loadersPerVerzoek', () => {
  it('makes a loader only when it is first read, once per request, with that request\'s arguments', async () => {
    const gemaakt: string[] = [];
    const Loaders = loadersPerVerzoek({
      eerste: (verzoek: { naam: string }) => {
        gemaakt.push(`eerste ${verzoek.naam}`);
        return keyedLoader(async (keys: readonly string[]) => keys.map((id) => ({ id, door: verzoek.naam })), (row) => row.id);
      },
      tweede: (verzoek: { naam: string }) => {
        gemaakt.push(`tweede ${verzoek.naam}`);
        return { naam: verzoek.naam };
      },
    });
    const a = new Loaders({ naam: 'a' });
    const b = new Loaders({ naam: 'b' });
    expect(gemaakt).toEqual([]);
    expect(a.eerste).toBe(a.eerste);
    expect(await a.eerste.load('x')).toEqual({ id: 'x', door: 'a' });
    expect(b.eerste).not.toBe(a.eerste);
    expect(await b.eerste.load('x')).toEqual({ id: 'x', door: 'b' });
    expect(gemaakt).toEqual(['eerste a', 'eerste b']);
    expect(b.tweede).toEqual({ naam: 'b' });
    expect(gemaakt).toEqual(['eerste a', 'eerste b', 'tweede b']);
  });
});
