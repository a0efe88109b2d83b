import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAgainstRef } from './check-against-ref.js';
import { SUPERGRAPH_PATH } from './subgraph-list.js';

// Issue 13 acceptance: a deliberate breaking change (a fixture made from the committed supergraph)
// is caught against the supergraph at a git ref, naming the real client operations it breaks.
const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');

describe('checkAgainstRef', () => {
  it('names every client operation that a removed field breaks', async () => {
    const line = /\n\s*"""[^\n]*"""\n\s*leeftijdsklasse: String @join__field\(graph: TOEGANG\)[^\n]*/;
    expect(committed).toMatch(line);
    const { check, entry } = await checkAgainstRef('HEAD', committed.replace(line, ''));
    expect(check.fails).toBe(true);
    const removed = check.changes.find((change) => change.path === 'Inwoner.leeftijdsklasse');
    // The consulent's own work list and its GraphiQL example of one resident's Wmo toewijzingen.
    expect(removed?.breaks).toEqual(['consulent: InwonersMetMelding', 'consulent: WmoToewijzingenInwonerEemnes']);
    expect(entry).toMatch(/^## supergraph\.graphql against HEAD \([0-9a-f]{7,}\), \d{4}-\d{2}-\d{2}\n/);
  }, 120_000);

  it('refuses something that is not a commit, and an option in its place', async () => {
    await expect(checkAgainstRef('geen-tak-met-deze-naam', committed)).rejects.toThrow(/geen-tak-met-deze-naam is not a commit/);
    await expect(checkAgainstRef('--output=x', committed)).rejects.toThrow(/not a git ref/);
  });
});
