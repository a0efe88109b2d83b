import { readFileSync } from 'node:fs';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { MAX_MAATREGELEN } from './maatregel.resolver.js';

let harness: SubgraphHarness;
// An empty database: the demo world (6 measures) loads in every graph's start.
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph, { DEMO_WORLD: 'off' });
});
afterAll(() => harness.close());

describe('maatregelen: a list size the data keeps (issue 11)', () => {
  it('the schema gives MAX_MAATREGELEN, and the database refuses one measure more', async () => {
    const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(sdl).toMatch(new RegExp(`\\n  maatregelen\\([^)]*\\): \\[Maatregel!\\]! @listSize\\(assumedSize: ${MAX_MAATREGELEN}\\b`));
    // A gemeente has one status per measure: its list has the same bound.
    expect(sdl).toMatch(new RegExp(`\\n  maatregelen\\([^)]*\\): \\[MaatregelStatus!\\]! @listSize\\(assumedSize: ${MAX_MAATREGELEN}\\b`));
    const insert = (id: string) =>
      harness.db.query(`INSERT INTO maatregel (id, naam, niveau, wet, omschrijving) VALUES ($1, $1, 'LOKAAL', 'WMO', 'grens')`, [id]);
    for (let i = 0; i < MAX_MAATREGELEN; i += 1) await insert(`grens-${String(i).padStart(2, '0')}`);
    await expect(insert('grens-te-veel')).rejects.toThrow(/het maximum/);
    // The schema lists every measure there is, within its size.
    const result = await harness.execute<{ maatregelen: { id: string }[] }>('{ maatregelen { id } }');
    expect(result.data?.maatregelen).toHaveLength(MAX_MAATREGELEN);
  });
});
