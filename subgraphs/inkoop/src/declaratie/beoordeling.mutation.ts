import { Arg, Ctx, Directive, Field, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import {
  assertAgbCode, assertSchrijfmandaat, badUserInput, bewaarUitgaandBericht, bouwDeclaratieantwoord, DomainError, ontsleutel, requiresAuthentication,
  requiresScope, RETOURCODE, Rol, Scope, type Schrijfrecht, type BerichtWet, UitgaandBerichtType, uitgaandBericht, vandaag, voerMutatieUit, Wet,
} from '@sociaal-graph/toolkit';
import type { InkoopContext } from '../context.js';

/** Processing activity of approving or rejecting declaratie lines (Logboek Dataverwerkingen). */
export const DECLARATIE_BEOORDELEN = 'inkoop:declaratie:beoordelen';

/** The back office checks and pays the declaraties: where its organisation executes the law (docs/mutaties.md). */
const BEOORDELEN: Schrijfrecht = { doel: Scope.DECLARATIE_BEOORDELEN, rollen: [Rol.UITVOERING], handeling: 'declaraties te beoordelen' };

/** Codes that say a line is granted or not yet assessed: no reason to reject one with. */
const GEEN_AFWIJZING = new Set(['0200', '8001', '0233']);

@InputType({ description: 'Het oordeel over één prestatie (declaratieregel) van een ontvangen declaratie (323).' })
export class DeclaratieregelOordeel {
  @Field(() => String, { description: 'ReferentieNummer van de ProductReferentie van de prestatie, zoals in de 323.' })
  productReferentie!: string;

  @Field(() => Boolean, { description: 'Waar: toegekend; onwaar: afgewezen met een retourcode.' })
  goedkeuren!: boolean;

  @Field(() => String, { nullable: true, description: 'Bij afwijzen: de retourcode (codelijst WJ001, bijvoorbeeld 0611 of 9321) die de 325 de prestatie meegeeft.' })
  retourcode?: string | null;
}

@ObjectType({ description: 'De uitkomst van het beoordelen van een declaratie: de aantallen en de 325 die voor de aanbieder klaarligt.' })
export class DeclaratieBeoordeling {
  @Field(() => String, { description: 'DeclaratieNummer van de beoordeelde declaratie.' })
  declaratienummer!: string;

  @Field(() => Int, { description: 'Aantal prestaties dat is toegekend.' })
  aantalGoedgekeurd!: number;

  @Field(() => Int, { description: 'Aantal prestaties dat is afgewezen.' })
  aantalAfgewezen!: number;

  @Field(() => UitgaandBerichtType, { description: 'Het declaratie-antwoord (325) zoals het voor de aanbieder klaarligt.' })
  antwoord!: UitgaandBerichtType;
}

interface Regel {
  id: string;
  productReferentie: string;
  status: string;
  inwonerId: string;
  bsn: Uint8Array;
  toewijzingsnummer: string;
  productcategorie: string;
  productcode: string;
  van: string;
  tot: string;
  volume: string;
  eenheid: string;
  tarief: string | null;
  bedrag: string;
}

/** The back office's front-end approves or rejects the lines of a received 323, producing the 325. */
@Resolver()
export class DeclaratieBeoordelingResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.DECLARATIE_BEOORDELEN))
  @Mutation(() => DeclaratieBeoordeling, {
    description:
      'Kent de openstaande prestaties van een ontvangen declaratie (323) toe of wijst ze af, alle in één keer, en zet het declaratie-antwoord (325) ' +
      'klaar voor de aanbieder. Alleen binnen het uitvoeringsmandaat van de aanvrager voor de gemeente en de wet. Dezelfde idempotentiesleutel met ' +
      'dezelfde invoer geeft hetzelfde antwoord zonder tweede 325; met andere invoer volgt IDEMPOTENTIESLEUTEL_HERGEBRUIKT.',
  })
  async beoordeelDeclaratie(
    @Arg('idempotentieSleutel', () => String, { description: 'Door de client gekozen sleutel (bijvoorbeeld een UUID), één per opdracht.' }) sleutel: string,
    @Arg('wet', () => Wet, { description: 'De wet van de declaratie: WMO of JEUGDWET.' }) wet: Wet,
    @Arg('gemeenteCode', () => String, { description: 'CBS-code van de gemeente aan wie is gedeclareerd (vier cijfers).' }) gemeenteCode: string,
    @Arg('aanbieder', () => String, { description: 'AGB-code van de aanbieder die declareerde.' }) aanbieder: string,
    @Arg('declaratienummer', () => String, { description: 'DeclaratieNummer uit de 323.' }) declaratienummer: string,
    @Arg('oordelen', () => [DeclaratieregelOordeel], { description: 'Het oordeel over elke openstaande prestatie van de declaratie.' }) oordelen: DeclaratieregelOordeel[],
    @Ctx() context: InkoopContext,
  ): Promise<DeclaratieBeoordeling> {
    if (wet !== Wet.WMO && wet !== Wet.JEUGDWET) throw badUserInput('Declaratieberichten zijn er onder de Wmo en de Jeugdwet.', { argument: 'wet' });
    if (!/^[0-9]{4}$/.test(gemeenteCode)) throw badUserInput('gemeenteCode is een CBS-code van vier cijfers.', { argument: 'gemeenteCode' });
    assertAgbCode(aanbieder, 'aanbieder');
    if (!/^.{1,12}$/.test(declaratienummer)) throw badUserInput('Een DeclaratieNummer is 1 tot 12 tekens.', { argument: 'declaratienummer' });
    if (oordelen.length === 0) throw badUserInput('Geef het oordeel over de openstaande prestaties.', { argument: 'oordelen' });
    const referenties = new Set<string>();
    for (const o of oordelen) {
      if (referenties.has(o.productReferentie)) throw badUserInput(`Prestatie ${o.productReferentie} staat twee keer in de oordelen.`, { argument: 'oordelen' });
      referenties.add(o.productReferentie);
      if (o.goedkeuren && o.retourcode != null) throw badUserInput('Een toegekende prestatie krijgt geen retourcode.', { argument: 'oordelen.retourcode' });
      if (!o.goedkeuren && (o.retourcode == null || !RETOURCODE.has(o.retourcode) || GEEN_AFWIJZING.has(o.retourcode))) {
        throw badUserInput('Een afgewezen prestatie krijgt een retourcode van codelijst WJ001 die een afwijzing is (niet 0200, 0233 of 8001).', { argument: 'oordelen.retourcode' });
      }
    }
    const geheim = context.pseudonymSecret;
    if (!geheim) throw new DomainError('Deze subgraph beoordeelt geen declaraties (geen PSEUDONYM_SECRET).', { code: 'INTERNAL_SERVER_ERROR' });
    // Refused before anything is read: a refusal tells nothing about which declaraties exist.
    assertSchrijfmandaat(context.principal, BEOORDELEN, wet, gemeenteCode);
    const berichtWet = wet as BerichtWet;

    const uitkomst = await voerMutatieUit(context, {
      activiteit: DECLARATIE_BEOORDELEN,
      sleutel,
      invoer: { wet, gemeenteCode, aanbieder, declaratienummer, oordelen: [...oordelen].sort((a, b) => (a.productReferentie < b.productReferentie ? -1 : 1)).map((o) => ({ ...o })) },
      uitvoeren: async (tx, verwerking) => {
        const [heen] = await tx.query<{ identificatie: string; dagtekening: string; basis: string; bericht: string; totaal: string }>(
          `SELECT identificatie, to_char(dagtekening, 'YYYY-MM-DD') AS dagtekening, basisschema_xsd_versie AS basis, bericht_xsd_versie AS bericht, totaal_ingediend::text AS totaal
             FROM declaratiebericht WHERE wet = $1 AND aanbieder_agb = $2 AND declaratienummer = $3 AND gemeente_code = $4`,
          [wet, aanbieder, declaratienummer, gemeenteCode],
        );
        if (!heen) throw badUserInput(`Geen ontvangen declaratie ${declaratienummer} van aanbieder ${aanbieder} aan gemeente ${gemeenteCode}.`, { argument: 'declaratienummer' });
        const regels = await tx.query<Regel>(
          `SELECT id, product_referentie AS "productReferentie", status, inwoner_id AS "inwonerId", bsn_versleuteld AS bsn, toewijzingsnummer, productcategorie, productcode,
                  to_char(levering_van, 'YYYY-MM-DD') AS van, to_char(levering_tot, 'YYYY-MM-DD') AS tot, geleverd_volume::text AS volume, eenheid,
                  product_tarief::text AS tarief, bedrag::text AS bedrag
             FROM declaratie WHERE wet = $1 AND aanbieder_agb = $2 AND declaratienummer = $3 ORDER BY id FOR UPDATE`,
          [wet, aanbieder, declaratienummer],
        );
        const open = new Map(regels.filter((r) => r.status === 'INGEDIEND').map((r) => [r.productReferentie, r]));
        const onbekend = oordelen.filter((o) => !open.has(o.productReferentie)).map((o) => o.productReferentie);
        if (onbekend.length > 0) throw badUserInput(`Geen openstaande prestatie van deze declaratie: ${onbekend.join(', ')}.`, { argument: 'oordelen' });
        // The 325 answers the whole declaratie: every open line is decided in one go.
        if (open.size !== oordelen.length) {
          throw badUserInput(`De declaratie heeft ${open.size} openstaande prestaties; beoordeel ze alle in één keer (één 325).`, { argument: 'oordelen' });
        }
        const afgewezen = new Map<string, string>();
        for (const o of oordelen) {
          const regel = open.get(o.productReferentie)!;
          verwerking.betrokkene(regel.inwonerId);
          if (!o.goedkeuren) afgewezen.set(regel.id, o.retourcode!);
          await tx.query(`UPDATE declaratie SET status = $2, retourcode = $3 WHERE id = $1`, [regel.id, o.goedkeuren ? 'GOEDGEKEURD' : 'AFGEWEZEN', o.goedkeuren ? null : o.retourcode]);
        }
        const toegekend = regels.filter((r) => (r.status === 'INGEDIEND' && !afgewezen.has(r.id)) || r.status === 'GOEDGEKEURD').reduce((s, r) => s + Number(r.bedrag), 0);
        const totaal = Number(heen.totaal);
        // Per client (by pseudonym), the rejected prestaties with their codes; what is granted is not listed (8001 when all was).
        const perClient = new Map<string, { bsn: string; prestaties: Regel[] }>();
        for (const regel of regels.filter((r) => afgewezen.has(r.id))) {
          const client = perClient.get(regel.inwonerId) ?? { bsn: ontsleutel(Buffer.from(regel.bsn), geheim), prestaties: [] };
          client.prestaties.push(regel);
          perClient.set(regel.inwonerId, client);
        }
        const dagtekening = vandaag();
        const antwoord = await bewaarUitgaandBericht(tx, geheim, {
          wet: berichtWet,
          berichtnummer: '325',
          afzender: gemeenteCode,
          ontvanger: aanbieder,
          gemeenteCode,
          aanbiederAgb: aanbieder,
          dagtekening,
          bouw: (identificatie) =>
            bouwDeclaratieantwoord({
              header: { wet: berichtWet, nummer: '325', afzender: gemeenteCode, ontvanger: aanbieder, identificatie, dagtekening },
              declaratie: { identificatie: heen.identificatie, dagtekening: heen.dagtekening, basisschemaXsdVersie: heen.basis, berichtXsdVersie: heen.bericht },
              retourcodes: ['0200'],
              antwoord: {
                declaratienummer,
                totaalIngediend: { bedrag: Math.abs(totaal), debetCredit: totaal < 0 ? 'C' : 'D' },
                totaalToegekend: { bedrag: Math.abs(toegekend), debetCredit: toegekend < 0 ? 'C' : 'D' },
                retourcodes: [toegekend === totaal && afgewezen.size === 0 ? '8001' : '0200'],
                clienten: [...perClient.values()].map(({ bsn, prestaties }) => ({
                  bsn,
                  retourcodes: ['0200'],
                  prestaties: prestaties.map((r) => ({
                    productReferentie: r.productReferentie,
                    toewijzingsnummer: Number(r.toewijzingsnummer),
                    productcategorie: r.productcategorie,
                    productcode: r.productcode,
                    productPeriode: { begindatum: r.van, einddatum: r.tot },
                    geleverdVolume: Number(r.volume),
                    eenheid: r.eenheid,
                    productTarief: r.tarief === null ? null : Number(r.tarief),
                    ingediendBedrag: { bedrag: Number(r.bedrag), debetCredit: 'D' as const },
                    retourcodes: [afgewezen.get(r.id)!],
                  })),
                })),
              },
            }),
        });
        return { antwoordId: antwoord.id, aantalGoedgekeurd: oordelen.length - afgewezen.size, aantalAfgewezen: afgewezen.size };
      },
    });
    const antwoord = await uitgaandBericht(context.db, geheim, uitkomst.antwoordId);
    return { declaratienummer, aantalGoedgekeurd: uitkomst.aantalGoedgekeurd, aantalAfgewezen: uitkomst.aantalAfgewezen, antwoord: antwoord! };
  }
}
