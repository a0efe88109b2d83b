import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { SubgraphContext } from '../context.js';
import type { Queryable } from '../database.js';
import { assertAgbCode, assertGemeentecode } from '../domain.js';
import { badUserInput, DomainError, notFound } from '../errors.js';
import { listSize } from '../list-size.js';
import { bouwAntwoordbericht } from '../berichten/bouw.js';
import { REDEN_AFWIJZING_VERZOEK, REDEN_WIJZIGING } from '../berichten/codelijsten.js';
import { laatsteClient } from '../berichten/zorgverwerker.js';
import { bewaarUitgaandBericht } from '../berichten/uitgaand.js';
import { heeftSchrijfmandaat, assertSchrijfmandaat, vandaag, voerMutatieUit, wetNaam } from './mutatie.js';
import { BESCHIKKEN, bericht301, geheimVan, type ToewijzingWet, voegToewijzingToe } from './toewijzing-mutaties.js';

/**
 * Deciding a verzoek om toewijzing (315) or om wijziging (317) that an aanbieder sent (docs/mutaties.md
 * "Verzoeken"), the same under the Wmo and the Jeugdwet: toewijzen (the toewijzing and its 301, which carries
 * the aanbieder's ReferentieAanbieder), in onderzoek (319, VerzoekAntwoord 2) or afwijzen (319, VerzoekAntwoord
 * 1 with RedenAfwijzingVerzoek). The 3.2 standard answers a granted verzoek with the 301 itself: VerzoekAntwoord
 * has no value for "toegewezen", so no 319 goes out then.
 */

/** At most this many products are counted for one verzoek in the cost estimate. */
const VERZOEK_PRODUCTEN = 20;

export enum VerzoekBesluit {
  TOEWIJZEN = 'TOEWIJZEN',
  ONDERZOEK = 'ONDERZOEK',
  AFWIJZEN = 'AFWIJZEN',
}
registerEnumType(VerzoekBesluit, {
  name: 'VerzoekBesluit',
  description: 'Het besluit op een verzoek om toewijzing (315) of om wijziging (317).',
  valuesConfig: {
    TOEWIJZEN: { description: 'Toewijzen: de toewijzing(en) en hun 301-bericht, met de ReferentieAanbieder van het verzoek.' },
    ONDERZOEK: { description: 'In onderzoek: 319-bericht met VerzoekAntwoord 2; later volgt toewijzen of afwijzen.' },
    AFWIJZEN: { description: 'Afwijzen: 319-bericht met VerzoekAntwoord 1 en de RedenAfwijzingVerzoek.' },
  },
});

@InputType('VerzoekToewijzingInvoer', { description: 'Wat een toegewezen verzoek nodig heeft en het bericht niet noemt: het contract (inkoop) en de leveringsvorm.' })
export class VerzoekToewijzingInvoer {
  @Field(() => String, { description: 'Id van het inkoopcontract (inkoop).' })
  contractId!: string;

  @Field(() => String, { nullable: true, description: 'Id van het product in het contract (inkoop); nodig onder de Wmo.' })
  productId?: string | null;

  @Field(() => String, { description: 'Id van het tarief dat op de ingangsdatum geldt (inkoop).' })
  tariefId!: string;

  @Field(() => String, { description: 'ZIN (zorg in natura) of PGB.' })
  leveringsvorm!: string;

  @Field(() => String, { nullable: true, description: 'RedenWijziging (WJ759) van de 301-berichten van de gewijzigde toewijzingen; nodig bij een verzoek om wijziging (317).' })
  redenWijziging?: string | null;
}

@InputType('VerzoekBeslissing', { description: 'Het besluit op één verzoek (315 of 317) van een aanbieder.' })
export class VerzoekBeslissing {
  @Field(() => String, { description: 'CBS-code van de gemeente aan wie het verzoek is gericht.' })
  gemeenteCode!: string;

  @Field(() => String, { description: 'AGB-code van de aanbieder die het verzoek stuurde.' })
  aanbiederAgb!: string;

  @Field(() => String, { description: 'ReferentieAanbieder van het verzoek (uniek voor de aanbieder binnen de wet).' })
  referentieAanbieder!: string;

  @Field(() => VerzoekBesluit, { description: 'Toewijzen, in onderzoek of afwijzen.' })
  besluit!: VerzoekBesluit;

  @Field(() => String, { nullable: true, description: 'RedenAfwijzingVerzoek (bijvoorbeeld "3" geen contract); nodig bij afwijzen.' })
  redenAfwijzingVerzoek?: string | null;

  @Field(() => VerzoekToewijzingInvoer, { nullable: true, description: 'Contract en leveringsvorm; nodig bij toewijzen.' })
  toewijzing?: VerzoekToewijzingInvoer | null;
}

@Directive('@shareable')
@ObjectType('VerzoekBeslissingUitkomst', { description: 'Wat het besluit op een verzoek heeft vastgelegd en klaargezet.' })
export class VerzoekBeslissingUitkomst {
  @Field(() => String, { description: 'De stand van het verzoek na het besluit: IN_ONDERZOEK, TOEGEWEZEN of AFGEWEZEN.' })
  status!: string;

  // A verzoek names a handful of products; the size is for the cost estimate only (docs/demand-control.md).
  @Directive(listSize(VERZOEK_PRODUCTEN))
  @Field(() => [String], { description: 'De toewijzingsnummers die het besluit toewees of wijzigde (leeg bij onderzoek en afwijzen).' })
  toewijzingsnummers!: string[];

  @Field(() => String, { description: 'Berichtnummer van de klaargezette berichten: 301 bij toewijzen, 319 anders.' })
  berichtnummer!: string;

  @Directive(listSize(VERZOEK_PRODUCTEN))
  @Field(() => [ID], { description: 'Ids van de klaargezette berichten (uitgaande berichten van de subgraph).' })
  berichtIds!: string[];
}

type Obj = Record<string, unknown>;
const lijst = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const tekst = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

interface VerzoekRij {
  gemeenteCode: string;
  berichtnummer: '315' | '317';
  inwonerId: string;
  status: string;
  aanvraag: Obj;
}

/** Decides one verzoek (see the module comment); idempotent under the client's key, recorded in the Logboek. */
export async function beslisVerzoek(context: SubgraphContext<unknown>, wet: ToewijzingWet, sleutel: string, beslissing: VerzoekBeslissing): Promise<VerzoekBeslissingUitkomst> {
  const gemeenteCode = assertGemeentecode(beslissing.gemeenteCode, 'beslissing.gemeenteCode');
  const aanbiederAgb = assertAgbCode(beslissing.aanbiederAgb, 'beslissing.aanbiederAgb');
  const referentie = beslissing.referentieAanbieder;
  if (!/^.{1,50}$/.test(referentie)) throw badUserInput('De ReferentieAanbieder is 1 tot 50 tekens.', { argument: 'beslissing.referentieAanbieder' });
  const reden = beslissing.redenAfwijzingVerzoek ?? null;
  if (beslissing.besluit === VerzoekBesluit.AFWIJZEN && (reden === null || !REDEN_AFWIJZING_VERZOEK.has(reden))) {
    throw badUserInput('Een afgewezen verzoek heeft een RedenAfwijzingVerzoek van de codelijst (1-8).', { argument: 'beslissing.redenAfwijzingVerzoek' });
  }
  if (beslissing.besluit !== VerzoekBesluit.AFWIJZEN && reden !== null) {
    throw badUserInput('Alleen een afgewezen verzoek heeft een RedenAfwijzingVerzoek.', { argument: 'beslissing.redenAfwijzingVerzoek' });
  }
  const toewijzing = beslissing.toewijzing ?? null;
  if (beslissing.besluit === VerzoekBesluit.TOEWIJZEN) {
    if (toewijzing === null) throw badUserInput('Toewijzen noemt het contract, het tarief en de leveringsvorm (toewijzing).', { argument: 'beslissing.toewijzing' });
    if (toewijzing.leveringsvorm !== 'ZIN' && toewijzing.leveringsvorm !== 'PGB') throw badUserInput('De leveringsvorm is ZIN of PGB.', { argument: 'beslissing.toewijzing.leveringsvorm' });
    for (const [naam, waarde] of [['contractId', toewijzing.contractId], ['tariefId', toewijzing.tariefId], ['productId', toewijzing.productId]] as const) {
      if (waarde != null && !/^[A-Za-z0-9._:-]{1,80}$/.test(waarde)) throw badUserInput(`Ongeldig ${naam}.`, { argument: `beslissing.toewijzing.${naam}` });
    }
    if (toewijzing.redenWijziging != null && !REDEN_WIJZIGING.has(toewijzing.redenWijziging)) {
      throw badUserInput(`"${toewijzing.redenWijziging}" is geen RedenWijziging (WJ759).`, { argument: 'beslissing.toewijzing.redenWijziging' });
    }
  } else if (toewijzing !== null) {
    throw badUserInput('Alleen een toegewezen verzoek noemt een contract (toewijzing).', { argument: 'beslissing.toewijzing' });
  }

  return voerMutatieUit(context, {
    activiteit: `${wet.activiteit.replace(/:toewijzing$/, '')}:verzoek:beslissen`,
    sleutel,
    invoer: { gemeenteCode, aanbiederAgb, referentie, besluit: beslissing.besluit, reden, toewijzing },
    uitvoeren: async (tx, verwerking) => {
      assertSchrijfmandaat(context.principal, BESCHIKKEN, wet.wet, gemeenteCode);
      const [verzoek] = await tx.query<VerzoekRij>(
        `SELECT gemeente_code AS "gemeenteCode", berichtnummer, inwoner_id AS "inwonerId", status, aanvraag
         FROM verzoek WHERE wet = $1 AND aanbieder_agb = $2 AND referentie_aanbieder = $3 FOR UPDATE`,
        [wet.wet, aanbiederAgb, referentie],
      );
      const onbekend = () => notFound(`Geen verzoek ${referentie} van aanbieder ${aanbiederAgb} aan gemeente ${gemeenteCode} onder de ${wetNaam(wet.wet)}.`, { argument: 'beslissing.referentieAanbieder' });
      if (!verzoek) throw onbekend();
      if (verzoek.gemeenteCode !== gemeenteCode) {
        // Another gemeente's verzoek: only a caller who may decide for that gemeente learns where it went.
        if (!heeftSchrijfmandaat(context.principal, BESCHIKKEN, wet.wet, verzoek.gemeenteCode)) throw onbekend();
        throw badUserInput(`Verzoek ${referentie} is gericht aan gemeente ${verzoek.gemeenteCode}, niet aan ${gemeenteCode}.`, { argument: 'beslissing.gemeenteCode' });
      }
      verwerking.betrokkene(verzoek.inwonerId);
      if (verzoek.status === 'TOEGEWEZEN' || verzoek.status === 'AFGEWEZEN' || (verzoek.status === 'IN_ONDERZOEK' && beslissing.besluit === VerzoekBesluit.ONDERZOEK)) {
        throw new DomainError(`Op verzoek ${referentie} is al besloten (${verzoek.status.toLowerCase().replace('_', ' ')}).`, {
          code: 'BAD_USER_INPUT',
          details: { argument: 'beslissing.besluit', status: verzoek.status },
        });
      }
      if (beslissing.besluit !== VerzoekBesluit.TOEWIJZEN) {
        const antwoord = beslissing.besluit === VerzoekBesluit.AFWIJZEN ? ('1' as const) : ('2' as const);
        const id = await bericht319(context, tx, wet, gemeenteCode, aanbiederAgb, referentie, antwoord, reden);
        const status = antwoord === '1' ? 'AFGEWEZEN' : 'IN_ONDERZOEK';
        await zetStatus(tx, wet, aanbiederAgb, referentie, status);
        return { status, toewijzingsnummers: [], berichtnummer: '319', berichtIds: [id] };
      }
      const client = await laatsteClient(tx, context.pseudonymSecret!, verzoek.inwonerId);
      if (!client) throw badUserInput('Van deze cliënt is geen geboortedatum en naam ontvangen; het 301-bericht kan niet worden gemaakt.', { argument: 'beslissing.referentieAanbieder' });
      const nummers: string[] = [];
      const berichtIds: string[] = [];
      const nieuw = async (p: Obj, ingang: unknown, einde: unknown) => {
        const product = (p.Product ?? {}) as Obj;
        const omvang = (p.Omvang ?? null) as Obj | null;
        const categorie = tekst(product.Categorie);
        const code = tekst(product.Code);
        if (categorie === null || (wet.wet === 'WMO' && (code === null || omvang === null))) {
          throw badUserInput(`Het verzoek noemt geen ${wet.wet === 'WMO' ? 'productcode en omvang' : 'productcategorie'}; een Wmo-toewijzing heeft ze nodig.`, { argument: 'beslissing.besluit' });
        }
        if (wet.wet === 'WMO' && toewijzing!.productId == null) throw badUserInput('Een Wmo-toewijzing noemt het product in het contract (productId).', { argument: 'beslissing.toewijzing.productId' });
        const nummer = await voegToewijzingToe(tx, geheimVan(context), {
          gemeente_code: gemeenteCode,
          toewijzingsnummer: null,
          inwoner_id: verzoek.inwonerId,
          productcategorie: categorie,
          productcode: code,
          aanbieder_agb: aanbiederAgb,
          contract_id: toewijzing!.contractId,
          tarief_id: toewijzing!.tariefId,
          volume: omvang === null ? null : Number(omvang.Volume),
          eenheid: omvang === null ? null : String(omvang.Eenheid),
          frequentie: omvang === null ? null : String(omvang.Frequentie),
          leveringsvorm: toewijzing!.leveringsvorm,
          ingangsdatum: String(ingang),
          einddatum: tekst(einde),
          ...(wet.wet === 'WMO' ? { product_id: toewijzing!.productId } : {}),
        });
        nummers.push(nummer);
        berichtIds.push(await bericht301(context, tx, wet, gemeenteCode, nummer, client, null, referentie));
      };
      if (verzoek.berichtnummer === '315') {
        await nieuw(verzoek.aanvraag, verzoek.aanvraag.ToewijzingIngangsdatum, verzoek.aanvraag.ToewijzingEinddatum);
      } else {
        const redenWijziging = toewijzing!.redenWijziging ?? null;
        const teWijzigen = lijst((verzoek.aanvraag.TeWijzigenProducten as Obj | undefined)?.TeWijzigenProduct as Obj | Obj[] | undefined);
        if (teWijzigen.length > 0 && redenWijziging === null) {
          throw badUserInput('Een verzoek om wijziging toewijzen noemt de RedenWijziging van de 301-berichten.', { argument: 'beslissing.toewijzing.redenWijziging' });
        }
        for (const p of teWijzigen) {
          const nummer = String(p.ToewijzingNummer);
          const omvang = (p.Omvang ?? null) as Obj | null;
          const [gewijzigd] = await tx.query<{ nummer: string }>(
            `UPDATE toewijzing SET volume = coalesce($4, volume), eenheid = coalesce($5, eenheid), frequentie = coalesce($6, frequentie), einddatum = coalesce($7::date, einddatum)
             WHERE gemeente_code = $1 AND toewijzingsnummer = $2 AND inwoner_id = $3 AND reden_beeindiging IS NULL RETURNING toewijzingsnummer AS nummer`,
            [gemeenteCode, nummer, verzoek.inwonerId, omvang === null ? null : Number(omvang.Volume), omvang === null ? null : String(omvang.Eenheid), omvang === null ? null : String(omvang.Frequentie), tekst(p.Einddatum)],
          );
          if (!gewijzigd) throw badUserInput(`Toewijzing ${nummer} van het verzoek loopt niet (meer) voor deze cliënt.`, { argument: 'beslissing.referentieAanbieder' });
          nummers.push(nummer);
          berichtIds.push(await bericht301(context, tx, wet, gemeenteCode, nummer, client, redenWijziging, referentie));
        }
        for (const p of lijst((verzoek.aanvraag.NieuweProducten as Obj | undefined)?.NieuwProduct as Obj | Obj[] | undefined)) await nieuw(p, p.GewensteIngangsdatum, p.Einddatum);
        if (nummers.length === 0) throw badUserInput('Dit verzoek om wijziging vraagt niets te wijzigen of toe te voegen; wijs het af of zet het in onderzoek.', { argument: 'beslissing.besluit' });
      }
      await zetStatus(tx, wet, aanbiederAgb, referentie, 'TOEGEWEZEN');
      return { status: 'TOEGEWEZEN', toewijzingsnummers: nummers, berichtnummer: '301', berichtIds };
    },
  });
}

async function zetStatus(tx: Queryable, wet: ToewijzingWet, aanbieder: string, referentie: string, status: string): Promise<void> {
  await tx.query(`UPDATE verzoek SET status = $4 WHERE wet = $1 AND aanbieder_agb = $2 AND referentie_aanbieder = $3`, [wet.wet, aanbieder, referentie, status]);
}

/** The 319 antwoord for the aanbieder to collect (no BSN in it; stored like every outgoing message). */
async function bericht319(
  context: SubgraphContext<unknown>,
  tx: Queryable,
  wet: ToewijzingWet,
  gemeenteCode: string,
  aanbiederAgb: string,
  referentieAanbieder: string,
  verzoekAntwoord: '1' | '2',
  redenAfwijzingVerzoek: string | null,
): Promise<string> {
  if (!context.pseudonymSecret) throw new Error('no PSEUDONYM_SECRET for the outgoing-message store');
  const dagtekening = vandaag();
  const bericht = await bewaarUitgaandBericht(tx, context.pseudonymSecret, {
    wet: wet.wet,
    berichtnummer: '319',
    afzender: gemeenteCode,
    ontvanger: aanbiederAgb,
    gemeenteCode,
    aanbiederAgb,
    dagtekening,
    bouw: (identificatie) =>
      bouwAntwoordbericht({
        header: { wet: wet.wet, nummer: '319', afzender: gemeenteCode, ontvanger: aanbiederAgb, identificatie, dagtekening },
        referentieAanbieder,
        verzoekAntwoord,
        redenAfwijzingVerzoek,
      }),
  });
  // The message's id as the graph shows it (UitgaandBericht.id): its opaque identificatie.
  return bericht.identificatie;
}
