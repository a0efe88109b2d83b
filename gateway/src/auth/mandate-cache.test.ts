import { describe, expect, it } from 'vitest';
import { createMandateCache } from './mandate-cache.js';
import type { Arrangement } from './mandates-for-roles.js';

const WMO: Arrangement = { gemeenteCode: '0317', wet: 'WMO', rol: 'UITVOERING' };
const JEUGD: Arrangement = { gemeenteCode: '0317', wet: 'JEUGDWET', rol: 'UITVOERING' };

/** gemeenten as a function: what it answers now, how often it was asked, and a switch to make it unreachable. */
function gemeenten(initial: readonly Arrangement[]) {
  const state = { arrangements: initial, calls: 0, down: false };
  const fetch = async () => {
    state.calls++;
    if (state.down) throw new Error('gemeenten onbereikbaar');
    return state.arrangements;
  };
  return { state, fetch };
}

function setup(freshMs = 10_000, staleMs = 30_000) {
  const clock = { now: 1_000_000 };
  const source = gemeenten([WMO, JEUGD]);
  const logged: string[] = [];
  const cache = createMandateCache({ fetch: source.fetch, freshMs, staleMs, now: () => clock.now, log: (message) => void logged.push(message) });
  return { clock, source, cache, logged };
}

/** Lets the background fetch that a stale answer started finish. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createMandateCache', () => {
  it('asks gemeenten once while the arrangements are fresh', async () => {
    const { clock, source, cache } = setup();
    expect(await cache.arrangementsOf('uo-hbel', 't')).toEqual([WMO, JEUGD]);
    clock.now += 9_999;
    expect(await cache.arrangementsOf('uo-hbel', 't')).toEqual([WMO, JEUGD]);
    expect(source.state.calls).toBe(1);
  });

  it('ends a withdrawn arrangement within the stale bound: the answer after fresh starts a fetch, the next request has the new arrangements', async () => {
    const { clock, source, cache } = setup();
    await cache.arrangementsOf('uo-hbel', 't');
    source.state.arrangements = [WMO];
    clock.now += 10_000;
    expect(await cache.arrangementsOf('uo-hbel', 't')).toEqual([WMO, JEUGD]);
    await settle();
    expect(await cache.arrangementsOf('uo-hbel', 't')).toEqual([WMO]);
    expect(source.state.calls).toBe(2);
  });

  it('withdraws at once on invalidate, one organisation or all, and discards a fetch that started before', async () => {
    const { source, cache } = setup();
    await cache.arrangementsOf('uo-hbel', 't');
    await cache.arrangementsOf('regio-gv', 't');
    source.state.arrangements = [WMO];
    cache.invalidate('uo-hbel');
    expect(await cache.arrangementsOf('uo-hbel', 't')).toEqual([WMO]);
    expect(await cache.arrangementsOf('regio-gv', 't')).toEqual([WMO, JEUGD]);
    cache.invalidate();
    expect(await cache.arrangementsOf('regio-gv', 't')).toEqual([WMO]);

    // A fetch in flight when the invalidation comes may carry the withdrawn arrangement: not kept.
    source.state.arrangements = [WMO, JEUGD];
    const before = cache.arrangementsOf('0406', 't');
    cache.invalidate('0406');
    source.state.arrangements = [];
    await before;
    expect(await cache.arrangementsOf('0406', 't')).toEqual([]);
  });

  it('uses the last known arrangements while gemeenten is unreachable, up to the stale bound, then refuses with 503 MANDATEN_ONBEREIKBAAR', async () => {
    const { clock, source, cache, logged } = setup();
    await cache.arrangementsOf('uo-hbel', 't');
    source.state.down = true;
    clock.now += 29_999;
    expect(await cache.arrangementsOf('uo-hbel', 't')).toEqual([WMO, JEUGD]);
    await settle();
    expect(logged.join('\n')).toMatch(/uo-hbel/);
    clock.now += 1;
    await expect(cache.arrangementsOf('uo-hbel', 't')).rejects.toMatchObject({
      extensions: { code: 'MANDATEN_ONBEREIKBAAR', serviceName: 'gemeenten', http: { status: 503 } },
    });
    // Never another organisation's, and never more: an organisation not cached is refused at once.
    await expect(cache.arrangementsOf('regio-gv', 't')).rejects.toMatchObject({ extensions: { code: 'MANDATEN_ONBEREIKBAAR' } });
    // Back: fetched anew.
    source.state.down = false;
    source.state.arrangements = [WMO];
    expect(await cache.arrangementsOf('uo-hbel', 't')).toEqual([WMO]);
  });

  it('shares one fetch between concurrent requests of one organisation', async () => {
    const { source, cache } = setup();
    await Promise.all([cache.arrangementsOf('uo-hbel', 't'), cache.arrangementsOf('uo-hbel', 't'), cache.arrangementsOf('uo-hbel', 't')]);
    expect(source.state.calls).toBe(1);
  });
});
