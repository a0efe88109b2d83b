import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../context.js';
import { testPrincipal } from '../principal.js';
import { defineSubgraph } from '../subgraph-definition.js';
import { createSubgraphHarness, type SubgraphHarness } from '../testing/harness.js';
import { type BetrokkeneSoort, createLogboek } from './logboek.js';

describe('createLogboek', () => {
  it('keeps each (activiteit, betrokkene) once, in registration order', () => {
    const logboek = createLogboek();
    logboek.registreer('wmo:toewijzing:lezen', ['a', 'b', 'a']);
    logboek.gelezen('wmo:toewijzing:lezen', [{ inwoner: 'b' }, { inwoner: 'c' }], (row) => row.inwoner);
    logboek.registreer('toegang:inwoner:lezen', ['a']);
    expect(logboek.regels().map((regel) => [regel.activiteit, regel.betrokkene])).toEqual([
      ['wmo:toewijzing:lezen', 'a'],
      ['wmo:toewijzing:lezen', 'b'],
      ['wmo:toewijzing:lezen', 'c'],
      ['toegang:inwoner:lezen', 'a'],
    ]);
  });
});

@Resolver()
class ProefResolver {
  @Query(() => [String], { description: 'Leest inwoners en registreert ze.' })
  inwoners(
    @Arg('ids', () => [String]) ids: string[],
    @Arg('soort', () => String, { nullable: true }) soort: string | null,
    @Ctx() context: SubgraphContext,
  ): string[] {
    context.logboek.registreer('proef:inwoner:lezen', ids, (soort ?? 'inwoner') as BetrokkeneSoort);
    return ids;
  }

  @Query(() => String, { description: 'Openbare gegevens.' })
  openbaar(): string {
    return 'openbaar';
  }
}

const proef = defineSubgraph({
  name: 'proef',
  defaultPort: 0,
  resolvers: [ProefResolver],
  migrationsDir: mkdtempSync(join(tmpdir(), 'logboek-proef-')),
  logboek: true,
  createLoaders: () => ({}),
  loadDemo: async () => undefined,
});

const consulent = testPrincipal({
  organisatie: 'uo-hbel',
  rollen: ['consulent'],
  actor: 'a1b2c3',
  scope: () => ({ alle: true }),
});

let harness: SubgraphHarness;
const count = async (table: string) => (await harness.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

beforeAll(async () => {
  harness = await createSubgraphHarness(proef, { DEMO_WORLD: 'off' }, { principal: consulent });
});

afterAll(async () => {
  await harness?.close();
});

describe('logboekPlugin', () => {
  it('writes one actor record and one verwerking per subject read, linked, before the response', async () => {
    const before = { actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') };
    const result = await harness.execute(`{ inwoners(ids: ["i1", "i2", "i1"]) }`);
    expect(result.errors).toBeUndefined();
    expect(await count('verwerking_actor')).toBe(before.actoren + 1);
    const rows = await harness.db.query<Record<string, unknown>>(
      `SELECT v.betrokkene, v.betrokkene_soort, v.verwerkingsactiviteit, v.resultaat, v.trace_id = a.trace_id AS zelfde_trace,
              a.organisatie, a.rollen, a.actor
       FROM verwerking v JOIN verwerking_actor a ON a.id = v.actor_id
       WHERE v.betrokkene IN ('i1', 'i2') ORDER BY v.betrokkene`,
    );
    const common = {
      betrokkene_soort: 'inwoner', verwerkingsactiviteit: 'proef:inwoner:lezen', resultaat: 'geslaagd', zelfde_trace: true,
      organisatie: 'uo-hbel', rollen: ['consulent'], actor: 'a1b2c3',
    };
    expect(rows).toEqual([{ betrokkene: 'i1', ...common }, { betrokkene: 'i2', ...common }]);
    expect(await count('verwerking')).toBe(before.verwerkingen + 2);
  });

  it('writes nothing for a request that read nothing personal', async () => {
    const before = { actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') };
    expect((await harness.execute(`{ openbaar }`)).data).toEqual({ openbaar: 'openbaar' });
    expect({ actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') }).toEqual(before);
  });

  it('withholds the data and stores nothing when the log cannot be written', async () => {
    const before = { actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') };
    // A subject kind the table refuses makes the one statement fail, actor record included.
    const result = await harness.execute(`{ inwoners(ids: ["geheim"], soort: "onbekend") }`);
    expect(result.data).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['LOGBOEK_ONBEREIKBAAR']);
    expect(JSON.stringify(result)).not.toContain('geheim');
    expect({ actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') }).toEqual(before);
  });
});
