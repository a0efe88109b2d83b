import { type WorldFinancieelCijfer } from '@sociaal-graph/toolkit';
import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 question 1 (budget, prognosis, realisation per gemeente, wet, taakveld and year against size class and
// country) with item 10 (verantwoording), through the gateway. Expected values come from the demo world with
// plain arithmetic and the law of a taakveld written out here from the Iv3 definitions, not from the subgraph.
const world = demoWorld();
const graph = useGraph();

const QUERY = `query ($g: [String!]!, $jaar: Int, $wet: Wet, $indeling: TaakveldIndeling) {
  financienVergelijking(gemeenten: $g, jaar: $jaar, wet: $wet, indeling: $indeling) {
    verantwoording { berekendOver uitgesloten { gemeenteCode } gegevensTot laatsteDeclaratie onderdrukkingsregel }
    rijen {
      gemeenteCode jaar taakveld { code } wet begroting prognose realisatie tekort tekortBasis
      begrotingPerInwoner realisatiePerInwoner tekortPerInwoner
      grootteklasse { groep aantalGemeenten begrotingPerInwoner prognosePerInwoner realisatiePerInwoner tekortPerInwoner }
      nederland { groep aantalGemeenten begrotingPerInwoner prognosePerInwoner realisatiePerInwoner tekortPerInwoner }
    }
  }
}`;

interface Referentie {
  groep: string;
  aantalGemeenten: number;
  begrotingPerInwoner: number | null;
  prognosePerInwoner: number | null;
  realisatiePerInwoner: number | null;
  tekortPerInwoner: number | null;
}
interface Rij {
  gemeenteCode: string;
  jaar: number;
  taakveld: { code: string } | null;
  wet: string | null;
  begroting: number;
  prognose: number;
  realisatie: number | null;
  tekort: number;
  tekortBasis: string;
  begrotingPerInwoner: number | null;
  realisatiePerInwoner: number | null;
  tekortPerInwoner: number | null;
  grootteklasse: Referentie;
  nederland: Referentie;
}
interface Antwoord {
  financienVergelijking: {
    verantwoording: { berekendOver: string[]; uitgesloten: unknown[]; gegevensTot: string | null; laatsteDeclaratie: string | null; onderdrukkingsregel: string };
    rijen: Rij[];
  };
}

/** The law per Iv3 taakveld (financiengemeenten.nl definitions), written out by hand for the test. */
const WET_PER_TAAKVELD: Record<string, string | null> = {
  '6.1': null, '6.2': null, '6.3': 'PARTICIPATIEWET', '6.4': 'PARTICIPATIEWET', '6.5': 'PARTICIPATIEWET',
  '6.6': 'WMO', '6.71a': 'WMO', '6.71b': 'WMO', '6.71c': 'WMO', '6.71d': 'WMO', '6.81a': 'WMO', '6.81b': 'WMO',
  '6.72a': 'JEUGDWET', '6.72b': 'JEUGDWET', '6.72c': 'JEUGDWET', '6.72d': 'JEUGDWET', '6.73a': 'JEUGDWET', '6.73b': 'JEUGDWET',
  '6.73c': 'JEUGDWET', '6.74a': 'JEUGDWET', '6.74b': 'JEUGDWET', '6.74c': 'JEUGDWET', '6.82a': 'JEUGDWET', '6.82b': 'JEUGDWET',
};

/** PostgreSQL's round(numeric): halves away from zero. */
const afgerond = (waarde: number) => Math.sign(waarde) * Math.round(Math.abs(waarde));
const inwonersVan = (code: string) => world.gemeenten.find((g) => g.code === code)?.inwoners ?? Number.NaN;
const som = (rows: readonly WorldFinancieelCijfer[], waarde: (f: WorldFinancieelCijfer) => number) => rows.reduce((s, f) => s + waarde(f), 0);

/** The per-inhabitant average of a group of gemeenten: sum over the group divided by its inhabitants. */
function referentie(groep: string, codes: readonly string[], rows: readonly WorldFinancieelCijfer[]): Referentie {
  const inwoners = codes.reduce((s, code) => s + inwonersVan(code), 0);
  const binnen = rows.filter((f) => codes.includes(f.gemeenteCode));
  const metRealisatie = codes.filter((code) => binnen.filter((f) => f.gemeenteCode === code).every((f) => f.realisatie !== null));
  const realisatieInwoners = metRealisatie.reduce((s, code) => s + inwonersVan(code), 0);
  return {
    groep,
    aantalGemeenten: codes.length,
    begrotingPerInwoner: afgerond(som(binnen, (f) => f.begroting) / inwoners),
    prognosePerInwoner: afgerond(som(binnen, (f) => f.prognose) / inwoners),
    realisatiePerInwoner:
      metRealisatie.length === 0
        ? null
        : afgerond(som(binnen.filter((f) => metRealisatie.includes(f.gemeenteCode)), (f) => f.realisatie ?? 0) / realisatieInwoners),
    tekortPerInwoner: afgerond(som(binnen, (f) => (f.realisatie ?? f.prognose) - f.begroting) / inwoners),
  };
}

describe('financienVergelijking through the gateway', () => {
  it('gives Huizen and Eemnes per wet, per inwoner, next to their size class and Nederland, with a verantwoording', async () => {
    const token = await graph.token({ role: 'controller', org: 'uo-hbel' });
    const { data, errors } = await graph.query<Antwoord>(QUERY, { g: ['0406', '0317'], jaar: 2025, indeling: 'WET' }, token);
    expect(errors).toBeUndefined();
    const { verantwoording, rijen } = data!.financienVergelijking;
    expect(verantwoording).toMatchObject({ berekendOver: ['0406', '0317'], uitgesloten: [], gegevensTot: '2025-12-31', laatsteDeclaratie: null });
    expect(verantwoording.onderdrukkingsregel).toContain('10');

    const jaarRows = world.financien.filter((f) => f.jaar === 2025);
    const verwacht = ['0406', '0317'].flatMap((code) => {
      const gemeente = world.gemeenten.find((g) => g.code === code)!;
      const klasse = world.gemeenten.filter((g) => g.grootteklasse === gemeente.grootteklasse).map((g) => g.code);
      return [null, 'JEUGDWET', 'PARTICIPATIEWET', 'WMO'].map((wet) => {
        const vanWet = jaarRows.filter((f) => WET_PER_TAAKVELD[f.taakveld] === wet);
        const eigen = vanWet.filter((f) => f.gemeenteCode === code);
        const begroting = som(eigen, (f) => f.begroting);
        const realisatie = som(eigen, (f) => f.realisatie ?? Number.NaN);
        const tekort = som(eigen, (f) => (f.realisatie ?? f.prognose) - f.begroting);
        return {
          gemeenteCode: code,
          jaar: 2025,
          taakveld: null,
          wet,
          begroting,
          prognose: som(eigen, (f) => f.prognose),
          realisatie,
          tekort,
          tekortBasis: 'REALISATIE',
          begrotingPerInwoner: afgerond(begroting / gemeente.inwoners),
          realisatiePerInwoner: afgerond(realisatie / gemeente.inwoners),
          tekortPerInwoner: afgerond(tekort / gemeente.inwoners),
          grootteklasse: referentie(gemeente.grootteklasse, klasse, vanWet),
          nederland: referentie('Nederland', world.gemeenten.map((g) => g.code), vanWet),
        };
      });
    });
    expect(rijen).toEqual(verwacht);
    // The Huizen 2019 table's point: Huizen's size class differs from Eemnes' and from the country as a whole.
    expect(rijen[0]?.grootteklasse.groep).not.toBe(rijen[4]?.grootteklasse.groep);
  });

  it('gives one taakveld row per booked code with its law, and is public (no token needed)', async () => {
    const { data, errors } = await graph.query<Antwoord>(QUERY, { g: ['0397'], jaar: 2026, wet: 'WMO' });
    expect(errors).toBeUndefined();
    const { verantwoording, rijen } = data!.financienVergelijking;
    expect(verantwoording.gegevensTot).toBeNull();
    const wmo = Object.keys(WET_PER_TAAKVELD).filter((code) => WET_PER_TAAKVELD[code] === 'WMO').sort();
    expect(rijen.map((r) => r.taakveld?.code)).toEqual(wmo);
    for (const rij of rijen) {
      const eigen = world.financien.filter((f) => f.gemeenteCode === '0397' && f.jaar === 2026 && f.taakveld === rij.taakveld?.code);
      expect(rij).toMatchObject({ wet: 'WMO', realisatie: null, tekortBasis: 'PROGNOSE', begroting: som(eigen, (f) => f.begroting) });
      expect(rij.tekort).toBe(som(eigen, (f) => f.prognose - f.begroting));
      expect(rij.nederland.realisatiePerInwoner).toBeNull();
    }
  });
});
