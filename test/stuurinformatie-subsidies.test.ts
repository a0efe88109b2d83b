import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 9 (subsidies per partner and year: granted against settled, agreed against reported
// performance) with item 10 (verantwoording), through the gateway. Expected values come from the demo world
// with plain sums, not from the subgraph's SQL.
const world = demoWorld();
const graph = useGraph();

const QUERY = `query ($g: [String!]!, $jaar: Int, $partner: String) {
  subsidiesPerPartner(gemeenten: $g, jaar: $jaar, partner: $partner) {
    verantwoording { berekendOver uitgesloten { gemeenteCode } gegevensTot laatsteDeclaratie }
    rijen {
      partner { id naam } gemeente { code naam } gemeenteCode jaar aantalSubsidies aantalVastgesteld
      aangevraagd verleend budgetplafond vastgesteld verschil
      prestaties { indicator eenheid aantalAfspraken afgesproken gerealiseerd realisatiePercentage }
      voorveld { aantalRapportages laatsteKwartaal aantalDeelnemers aantalContacten }
      gerapporteerdTot
    }
  }
}`;

interface Antwoord {
  subsidiesPerPartner: {
    verantwoording: { berekendOver: string[]; uitgesloten: unknown[]; gegevensTot: string | null; laatsteDeclaratie: string | null };
    rijen: Record<string, unknown>[];
  };
}

const som = (waarden: number[]) => waarden.reduce((a, b) => a + b, 0);
const eindeKwartaal = (jaar: number, kwartaal: number) => new Date(Date.UTC(jaar, kwartaal * 3, 0)).toISOString().slice(0, 10);

/** The row of one partner, gemeente and year, computed from the demo world. */
function verwacht(partnerId: string, jaar: number) {
  const partner = world.subsidiepartners.find((p) => p.id === partnerId)!;
  const subsidies = world.subsidies.filter((s) => s.partnerId === partnerId && s.jaar === jaar);
  const gemeenteCode = subsidies[0]!.gemeenteCode;
  const vastgesteld = subsidies.filter((s) => s.vastgesteld !== null);
  const afspraken = world.prestatieafspraken.filter((p) => subsidies.some((s) => s.id === p.subsidieId));
  const indicatoren = [...new Set(afspraken.map((p) => `${p.indicator}|${p.eenheid}`))].sort();
  const rapportages = world.voorveldrapportages.filter((r) => r.partnerId === partnerId && r.jaar === jaar && r.gemeenteCode === gemeenteCode);
  const laatste = rapportages.length === 0 ? null : Math.max(...rapportages.map((r) => r.kwartaal));
  return {
    partner: { id: partnerId, naam: partner.naam },
    gemeente: { code: gemeenteCode, naam: world.gemeenten.find((g) => g.code === gemeenteCode)!.naam },
    gemeenteCode,
    jaar,
    aantalSubsidies: subsidies.length,
    aantalVastgesteld: vastgesteld.length,
    aangevraagd: som(subsidies.map((s) => s.aangevraagd)),
    verleend: som(subsidies.map((s) => s.verleend)),
    budgetplafond: som(subsidies.map((s) => s.budgetplafond)),
    vastgesteld: vastgesteld.length === 0 ? null : som(vastgesteld.map((s) => s.vastgesteld ?? 0)),
    verschil: vastgesteld.length === 0 ? null : som(vastgesteld.map((s) => (s.vastgesteld ?? 0) - s.verleend)),
    prestaties: indicatoren.map((sleutel) => {
      const groep = afspraken.filter((p) => `${p.indicator}|${p.eenheid}` === sleutel);
      const verantwoord = groep.filter((p) => p.gerealiseerd !== null);
      const gerealiseerd = verantwoord.length === 0 ? null : som(verantwoord.map((p) => p.gerealiseerd ?? 0));
      return {
        indicator: groep[0]!.indicator,
        eenheid: groep[0]!.eenheid,
        aantalAfspraken: groep.length,
        afgesproken: som(groep.map((p) => p.afgesproken)),
        gerealiseerd,
        realisatiePercentage:
          gerealiseerd === null ? null : Math.round((1000 * gerealiseerd) / som(verantwoord.map((p) => p.afgesproken))) / 10,
      };
    }),
    voorveld: {
      aantalRapportages: rapportages.length,
      laatsteKwartaal: laatste,
      aantalDeelnemers: som(rapportages.map((r) => r.aantalDeelnemers)),
      aantalContacten: som(rapportages.map((r) => r.aantalContacten)),
    },
    gerapporteerdTot: laatste === null ? null : eindeKwartaal(jaar, laatste),
  };
}

describe('subsidiesPerPartner through the gateway', () => {
  it('gives every partner of Huizen and Heemstede in a settled year, granted against settled and agreed against realised', async () => {
    const token = await graph.token({ role: 'beleid', org: '0406' });
    const { data, errors } = await graph.query<Antwoord>(QUERY, { g: ['0406', '0397'], jaar: 2024 }, token);
    expect(errors).toBeUndefined();
    const { verantwoording, rijen } = data!.subsidiesPerPartner;
    const partners = ['0406', '0397'].flatMap((code) =>
      [...new Set(world.subsidies.filter((s) => s.gemeenteCode === code && s.jaar === 2024).map((s) => s.partnerId))].sort(),
    );
    expect(partners.length).toBeGreaterThan(2);
    expect(rijen).toEqual(partners.map((id) => verwacht(id, 2024)));
    expect(rijen.every((r) => r.vastgesteld !== null)).toBe(true);
    const laatsteRapportage = world.voorveldrapportages
      .filter((r) => ['0406', '0397'].includes(r.gemeenteCode) && r.jaar === 2024)
      .map((r) => eindeKwartaal(r.jaar, r.kwartaal))
      .sort()
      .at(-1);
    expect(verantwoording).toEqual({ berekendOver: ['0406', '0397'], uitgesloten: [], gegevensTot: laatsteRapportage, laatsteDeclaratie: null });
  });

  it('shows an open year as granted but not settled, for one partner over all years, without a token', async () => {
    const partnerId = world.subsidies.find((s) => s.gemeenteCode === '0317')!.partnerId;
    const { data, errors } = await graph.query<Antwoord>(QUERY, { g: ['0317'], partner: partnerId });
    expect(errors).toBeUndefined();
    const jaren = [...new Set(world.subsidies.filter((s) => s.partnerId === partnerId).map((s) => s.jaar))].sort();
    const rijen = data!.subsidiesPerPartner.rijen;
    expect(rijen).toEqual(jaren.map((jaar) => verwacht(partnerId, jaar)));
    expect(rijen.some((r) => r.vastgesteld === null && r.verschil === null)).toBe(true);
  });
});
