import { vandaagInNederland } from '@sociaal-graph/toolkit';
import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Residents of a gemeente whose front door is split over organisations (docs/mandates.md
// "Mandates decide every row"): Heemstede and Bloemendaal keep the Wmo and Jeugdwet toegang, IASZ holds their Participatiewet
// toegang, so no consulent there may look up any resident. The rule, stated here independently of
// toegang's scope code: a consulent sees a resident iff its organisation holds TOEGANG for all three laws
// in the resident's gemeente, or the resident has a melding under a law whose TOEGANG it holds there.
const world = demoWorld();
const graph = useGraph();
const today = vandaagInNederland();
const WETTEN = ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'] as const;
type Inwoner = (typeof world.inwoners)[number];

/** The arrangements of TOEGANG valid today. */
const toegang = world.arrangementen.filter((a) => a.rol === 'TOEGANG' && a.geldigVan <= today && (a.geldigTot === null || today <= a.geldigTot));

/** The laws whose TOEGANG `org` holds for `gemeente` today. */
const toegangVan = (org: string, gemeente: string): string[] =>
  WETTEN.filter((wet) => toegang.some((a) => a.organisatieId === org && a.gemeenteCode === gemeente && a.wet === wet));

/** The organisations holding the TOEGANG of at least one law in `gemeente`. */
const houders = (gemeente: string): string[] => [...new Set(toegang.filter((a) => a.gemeenteCode === gemeente).map((a) => a.organisatieId))].sort();

const meldingenVan = new Map<string, (typeof world.meldingen)[number][]>();
for (const m of world.meldingen) meldingenVan.set(m.inwonerId, [...(meldingenVan.get(m.inwonerId) ?? []), m]);
const inwonersVan = (gemeente: string) => world.inwoners.filter((i) => i.gemeenteCode === gemeente);

/** The laws of the resident's meldingen that `org`'s consulent may see (its TOEGANG in the melding's gemeente). */
const zichtbareWetten = (org: string, inwoner: Inwoner): string[] =>
  WETTEN.filter((wet) => (meldingenVan.get(inwoner.id) ?? []).some((m) => m.wet === wet && toegangVan(org, m.gemeenteCode).includes(wet)));

/** Whether `org`'s consulent may see the resident at all. */
const zichtbaar = (org: string, inwoner: Inwoner): boolean =>
  toegangVan(org, inwoner.gemeenteCode).length === WETTEN.length || zichtbareWetten(org, inwoner).length > 0;

/** Gemeenten where no single organisation holds the TOEGANG of every law. */
const ZONDER_VOORDEUR = world.gemeenten.map((g) => g.code).filter((g) => !houders(g).some((org) => toegangVan(org, g).length === WETTEN.length));

const INWONERS = `query ($g: String!, $first: Int!, $offset: Int!) {
  inwoners(gemeente: $g, first: $first, offset: $offset) { items { id wetten } pageInfo { totaal offset heeftVolgende } }
}`;
const OPZOEKEN = `query ($id: String!, $bsn: String!) { inwoner(id: $id) { id } inwonerOpBsn(bsn: $bsn) { id } }`;
const HUISHOUDEN = `query ($h: String!, $lid: String!) {
  huishouden(id: $h) { id leden { id } }
  inwoner(id: $lid) { huishouden { id leden { id } } }
}`;

const consulent = (org: string) => graph.token({ role: 'consulent', org });

/** Every resident of `gemeente` the caller lists, paging through; each page must report the same total. */
async function allesVan(token: string, gemeente: string): Promise<{ totaal: number; items: { id: string; wetten: string[] }[] }> {
  const items: { id: string; wetten: string[] }[] = [];
  const totalen = new Set<number>();
  for (let offset = 0; ; offset += 100) {
    type Page = { inwoners: { items: { id: string; wetten: string[] }[]; pageInfo: { totaal: number; offset: number; heeftVolgende: boolean } } };
    const response = await graph.query<Page>(INWONERS, { g: gemeente, first: 100, offset }, token);
    expect(response.errors).toBeUndefined();
    const page = response.data?.inwoners;
    if (!page) throw new Error(`no inwoners page for ${gemeente}`);
    expect(page.pageInfo.offset).toBe(offset);
    totalen.add(page.pageInfo.totaal);
    items.push(...page.items);
    if (!page.pageInfo.heeftVolgende) break;
  }
  expect(totalen.size, 'one total over all pages').toBe(1);
  return { totaal: [...totalen][0] ?? 0, items };
}

describe('toegang without a whole front door', () => {
  it('has such gemeenten in the demo world: Heemstede keeps Wmo and Jeugdwet, IASZ holds its Participatiewet', () => {
    expect(ZONDER_VOORDEUR).toContain('0397');
    expect(toegangVan('0397', '0397')).toEqual(['WMO', 'JEUGDWET']);
    expect(toegangVan('iasz', '0397')).toEqual(['PARTICIPATIEWET']);
    expect(ZONDER_VOORDEUR.filter((g) => toegangVan('iasz', g).length > 0).length).toBeGreaterThanOrEqual(2);
  });

  describe.each(ZONDER_VOORDEUR)('gemeente %s', (gemeente) => {
    it.each(houders(gemeente))("lists to %s's consulent exactly the residents with a melding under a law it holds there", async (org) => {
      const expected = inwonersVan(gemeente).filter((i) => zichtbaar(org, i));
      // Not vacuous: someone is seen, and someone who came in under another law is not.
      expect(expected.length).toBeGreaterThan(0);
      expect(inwonersVan(gemeente).some((i) => (meldingenVan.get(i.id) ?? []).length > 0 && !zichtbaar(org, i))).toBe(true);
      const { totaal, items } = await allesVan(await consulent(org), gemeente);
      expect(totaal).toBe(expected.length);
      expect(items.map((i) => i.id)).toEqual(expected.map((i) => i.id).sort());
      // Each listed resident shows only the laws of its meldingen the caller holds TOEGANG for here.
      const wetten = new Map(expected.map((i) => [i.id, zichtbareWetten(org, i)]));
      for (const item of items) expect([...item.wetten].sort(), item.id).toEqual([...(wetten.get(item.id) ?? [])].sort());
    });

    it.each(houders(gemeente))("does not let %s's consulent find by id or BSN a resident who came in only under another law", async (org) => {
      const ander = inwonersVan(gemeente).find((i) => (meldingenVan.get(i.id) ?? []).length > 0 && !zichtbaar(org, i));
      const eigen = inwonersVan(gemeente).find((i) => zichtbaar(org, i));
      if (!ander || !eigen) throw new Error(`the demo world has no such residents in ${gemeente}`);
      const token = await consulent(org);
      const weg = await graph.query(OPZOEKEN, { id: ander.id, bsn: ander.bsn }, token);
      expect(weg.errors).toBeUndefined();
      expect(weg.data).toEqual({ inwoner: null, inwonerOpBsn: null });
      // The same lookup finds a resident within its mandate, so the null above is the mandate's.
      const wel = await graph.query(OPZOEKEN, { id: eigen.id, bsn: eigen.bsn }, token);
      expect(wel.errors).toBeUndefined();
      expect(wel.data).toEqual({ inwoner: { id: eigen.id }, inwonerOpBsn: { id: eigen.id } });
    });

    it('shows each toegang organisation only the members of a split household it may see', async () => {
      const orgs = houders(gemeente);
      const leden = (h: string) =>
        world.inwoners.filter((i) => i.huishoudenId === h).sort((a, b) => a.geboortedatum.localeCompare(b.geboortedatum) || a.id.localeCompare(b.id));
      // A household where every organisation sees someone, and none sees everyone.
      const huishouden = world.huishoudens.find(
        (h) => h.gemeenteCode === gemeente && orgs.every((org) => leden(h.id).some((i) => zichtbaar(org, i)) && leden(h.id).some((i) => !zichtbaar(org, i))),
      );
      if (!huishouden) throw new Error(`the demo world has no split household in ${gemeente}`);
      for (const org of orgs) {
        const zichtbaarLid = leden(huishouden.id).filter((i) => zichtbaar(org, i));
        const verwacht = { id: huishouden.id, leden: zichtbaarLid.map((i) => ({ id: i.id })) };
        const response = await graph.query(HUISHOUDEN, { h: huishouden.id, lid: zichtbaarLid[0]?.id }, await consulent(org));
        expect(response.errors, org).toBeUndefined();
        expect(response.data, org).toEqual({ huishouden: verwacht, inwoner: { huishouden: verwacht } });
      }
    });
  });

  it("lists every resident of Huizen to HBEL's consulent, who holds its whole front door", async () => {
    expect(toegangVan('uo-hbel', '0406')).toEqual([...WETTEN]);
    const alle = inwonersVan('0406');
    // Also those without any melding: the whole front door opens every resident.
    expect(alle.some((i) => (meldingenVan.get(i.id) ?? []).length === 0)).toBe(true);
    const { totaal, items } = await allesVan(await consulent('uo-hbel'), '0406');
    expect(totaal).toBe(alle.length);
    expect(items.map((i) => i.id)).toEqual(alle.map((i) => i.id).sort());
  });
});
