import { Arg, Ctx, Directive, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requiresAuthentication, requiresScope, Scope } from '../authorization.js';
import { Code, codeOf } from '../codelists.js';
import type { SubgraphContext } from '../context.js';
import type { Database } from '../database.js';
import { assertAgbCode, Rol } from '../domain.js';
import { DomainError } from '../errors.js';
import { listSize, listSizeFromArgument } from '../list-size.js';
import { scopeParameter } from '../principal.js';
import { RETOURCODE } from './codelijsten.js';
import { ontvangBericht, type Berichtverwerker, type Ontvangst } from './ontvang.js';
import type { BerichtWet, Berichtnummer } from './standaard.js';
import { uitgaandeBerichten, type UitgaandBericht as UitgaandeRij } from './uitgaand.js';

@Directive('@shareable')
@ObjectType('UitgaandBericht', { description: 'Een bericht (iWmo/iJw 3.2) dat de graph verstuurt, klaar om door de ontvanger te worden opgehaald.' })
export class UitgaandBerichtType {
  @Field(() => ID, { description: 'Het id van het bericht, gelijk aan zijn BerichtIdentificatie: twaalf cijfers zonder volgorde (geen volgnummer, dus niets af te leiden over berichten aan anderen); ophalen na een bericht met naId.' })
  id!: string;
  @Field(() => String, { description: 'Berichtnummer: 301, 306, 308, 316, 318, 319 of 325.' })
  berichtnummer!: string;
  @Field(() => String, { description: 'Afzender zoals in de header (gemeentecode of AGB-code).' })
  afzender!: string;
  @Field(() => String, { description: 'Ontvanger zoals in de header.' })
  ontvanger!: string;
  @Field(() => String, { description: 'BerichtIdentificatie (Identificatie) van dit bericht.' })
  identificatie!: string;
  @Field(() => String, { description: 'Dagtekening (JJJJ-MM-DD).' })
  dagtekening!: string;
  @Field(() => String, { description: 'Het bericht als XML (kan een BSN bevatten: alleen voor de ontvanger en de uitvoerende gemeente).' })
  xml!: string;
}

@Directive('@shareable')
@ObjectType({ description: 'De uitkomst van het aanbieden van een bericht: of het is verwerkt, met de retourcodes van het antwoord.' })
export class BerichtOntvangst {
  @Field(() => String, { description: 'Berichtnummer van het ontvangen bericht (301, 305, 307, 315, 317, 323).' })
  berichtnummer!: string;
  @Field(() => String, { description: 'BerichtIdentificatie van het ontvangen bericht.' })
  identificatie!: string;
  @Field(() => Boolean, { description: 'Waar als de inhoud is verwerkt; onwaar als het bericht (geheel) is afgekeurd en niets is gewijzigd.' })
  geaccepteerd!: boolean;
  @Field(() => Boolean, { description: 'Waar als precies dit bericht al eerder is ontvangen: er is niets gewijzigd en het eerste antwoord komt terug.' })
  herhaald!: boolean;
  @Field(() => [Code], { description: 'De retourcodes van het antwoord (codelijst WJ001), zonder dubbele.' })
  @Directive(listSize(RETOURCODE.size))
  retourcodes!: Code[];
  @Field(() => UitgaandBerichtType, { nullable: true, description: 'Het antwoord (retourbericht of 325) zoals het voor de afzender klaarligt; leeg bij een 301 (een eigen bericht van de gemeente krijgt geen retour).' })
  antwoord!: UitgaandBerichtType | null;
}

// The store's number stays inside: the id shown is the message's opaque identificatie.
const alsType = (rij: UitgaandeRij): UitgaandBerichtType => ({ ...rij, id: rij.identificatie });
export const ontvangstAlsType = (o: Ontvangst): BerichtOntvangst => ({
  berichtnummer: o.nummer,
  identificatie: o.identificatie,
  geaccepteerd: o.geaccepteerd,
  herhaald: o.herhaald,
  retourcodes: o.retourcodes.map((code) => codeOf(RETOURCODE, code) ?? { code, omschrijving: 'Onbekende retourcode' }),
  antwoord: o.antwoord ? alsType(o.antwoord) : null,
});

const MAX_BERICHTEN = 100;

/**
 * The message traffic of one owning subgraph as GraphQL: a mutation that takes one message (XML) and a
 * query that lists the outgoing messages for collection. Field names carry the subgraph ("Wmo", "Jeugd",
 * "Declaratie") since each subgraph keeps its own traffic. Who may do what: the back office that executes
 * the law for the gemeente (UITVOERING), or the aanbieder for its own messages.
 */
export function berichtenResolver(naam: string, verwerker: Berichtverwerker) {
  @Resolver()
  class BerichtenResolver {
    @Mutation(() => BerichtOntvangst, {
      name: `ontvang${naam}Bericht`,
      description: `Biedt één ${naam === 'Declaratie' ? 'declaratiebericht (323)' : 'bericht (305, 307, 315 of 317 van een aanbieder, of een 301 uit de achterstand van de gemeente zelf)'} aan als XML (iWmo/iJw 3.2). Het bericht wordt gecontroleerd op de 3.2-structuur en de regels voor gegevenskwaliteit en in één transactie verwerkt of geheel afgekeurd; het antwoord (retourbericht of 325) ligt daarna klaar om op te halen. Hetzelfde bericht nogmaals wijzigt niets en geeft hetzelfde antwoord.`,
    })
    @Directive(requiresAuthentication)
    @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
    async ontvang(@Arg('xml', () => String, { description: 'Het bericht als XML (UTF-8), ten hoogste 5 MB.' }) xml: string, @Ctx() ctx: SubgraphContext): Promise<BerichtOntvangst> {
      if (xml.length > 5_000_000) throw new DomainError('Een bericht is ten hoogste 5 MB.', { code: 'BAD_USER_INPUT' });
      if (!ctx.pseudonymSecret) throw new DomainError('Deze subgraph ontvangt geen berichten (geen PSEUDONYM_SECRET).', { code: 'INTERNAL_SERVER_ERROR' });
      const principal = ctx.principal;
      const ontvangst = await ontvangBericht(ctx.db as Database, xml, verwerker, {
        pseudonymSecret: ctx.pseudonymSecret,
        verslag: {
          subgraph: verwerker.subgraph ?? naam.toLowerCase(),
          traceId: ctx.traceId,
          verzoekId: ctx.verzoekId,
          spanId: ctx.logboek.spanId,
          organisatie: principal.organisatie,
          rollen: principal.rollen,
          actor: principal.actor ?? 'onbekend',
        },
        magOntvangen: (gemeente, wet, aanbieder, nummer) => {
          // A 301 is the gemeente's own toewijzing: only who executes the law for it brings in its backlog.
          if (principal.aanbieder !== undefined) return nummer !== '301' && principal.aanbieder === aanbieder;
          const scope = principal.scope(wet, Rol.UITVOERING);
          return scope.alle || scope.gemeenten.includes(gemeente);
        },
      });
      return ontvangstAlsType(ontvangst);
    }

    @Query(() => [UitgaandBerichtType], {
      name: `uitgaande${naam}Berichten`,
      description: `De berichten die deze graph verstuurt (${naam === 'Declaratie' ? '325' : '301, 306, 308, 316, 318, 319'}), oudste eerst, om op te halen: een aanbieder krijgt alleen de zijne, een uitvoerende organisatie die van haar gemeenten. Ophalen in delen met naId.`,
    })
    @Directive(requiresAuthentication)
    @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
    @Directive(listSizeFromArgument('aantal'))
    async uitgaand(
      @Arg('naId', () => ID, { nullable: true, description: 'Alleen berichten na het bericht met dit id (het laatst opgehaalde).' }) naId: string | null,
      @Arg('aantal', () => Int, { defaultValue: 50, description: `Ten hoogste zoveel (1-${MAX_BERICHTEN}).` }) aantal: number,
      @Ctx() ctx: SubgraphContext,
      @Arg('aanbieder', () => String, { nullable: true, description: 'Alleen berichten van of aan deze aanbieder (AGB-code).' }) aanbieder?: string | null,
    ): Promise<UitgaandBerichtType[]> {
      if (!Number.isInteger(aantal) || aantal < 1 || aantal > MAX_BERICHTEN) throw new DomainError(`aantal is 1 tot en met ${MAX_BERICHTEN}.`, { code: 'BAD_USER_INPUT' });
      if (naId != null && !/^[0-9]{1,18}$/.test(naId)) throw new DomainError('naId is het id van een uitgaand bericht.', { code: 'BAD_USER_INPUT' });
      if (!ctx.pseudonymSecret) return [];
      const eigen = ctx.principal.aanbieder;
      if (aanbieder != null) assertAgbCode(aanbieder, 'aanbieder');
      // A back office sees the messages of the gemeenten it executes each law for.
      const perWet = verwerker.wetten.map((wet: BerichtWet) => ({ wet, gemeenten: scopeParameter(ctx.principal.scope(wet, Rol.UITVOERING)) }));
      const rijen = await uitgaandeBerichten(ctx.db, ctx.pseudonymSecret, {
        aanbiederAgb: eigen ?? aanbieder ?? undefined,
        // An aanbieder sees its own messages in every gemeente; a back office those of its gemeenten.
        gemeenten: null,
        perWet: eigen !== undefined ? undefined : perWet,
        naId: naId ?? undefined,
        aantal,
      });
      return rijen.map(alsType);
    }
  }
  return BerichtenResolver;
}
