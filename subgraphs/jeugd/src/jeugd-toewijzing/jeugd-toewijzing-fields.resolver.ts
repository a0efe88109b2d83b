import { Code, codeOf, EENHEID, FREQUENTIE, JW_PRODUCTCATEGORIE, JW_REDEN_BEEINDIGING } from '@sociaal-graph/toolkit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { knownCode } from '../codelijst/known-code.js';
import type { JeugdContext } from '../context.js';
import { Aanbieder } from '../extends/aanbieder/aanbieder.type.js';
import { Contract } from '../extends/contract/contract.type.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Inwoner } from '../extends/inwoner/inwoner.type.js';
import { Tarief } from '../extends/tarief/tarief.type.js';
import { JeugdTraject } from '../jeugd-traject/jeugd-traject.type.js';
import { Verwijzing } from '../verwijzing/verwijzing.type.js';
import { JeugdOmvang, JeugdToewijzing } from './jeugd-toewijzing.type.js';

/**
 * The fields of a toewijzing that are not stored as they are shown: codes from the iJw lists,
 * references to other subgraphs' entities, and the verwijzing and traject (through loaders).
 */
@Resolver(() => JeugdToewijzing)
export class JeugdToewijzingFieldsResolver {
  @FieldResolver(() => Code, { description: 'Productcategorie (iJw codelijst JZ020, 31-38 of 40-55).' })
  productcategorie(@Root() toewijzing: JeugdToewijzing): Code {
    return knownCode(JW_PRODUCTCATEGORIE, toewijzing.productcategorieCode);
  }

  @FieldResolver(() => JeugdOmvang, { nullable: true, description: 'Omvang; leeg bij een aspecifieke toewijzing.' })
  omvang(@Root() toewijzing: JeugdToewijzing): JeugdOmvang | null {
    const { volume, eenheidCode, frequentieCode } = toewijzing;
    if (volume === null || eenheidCode === null || frequentieCode === null) return null;
    return { volume, eenheid: knownCode(EENHEID, eenheidCode), frequentie: knownCode(FREQUENTIE, frequentieCode) };
  }

  @FieldResolver(() => Code, {
    nullable: true,
    description: 'Reden beeindiging (iJw codelijst JZ588, niet die van de Wmo); leeg zolang de toewijzing niet beeindigd is.',
  })
  redenBeeindiging(@Root() toewijzing: JeugdToewijzing): Code | null {
    return codeOf(JW_REDEN_BEEINDIGING, toewijzing.redenBeeindigingCode);
  }

  @FieldResolver(() => Aanbieder, { nullable: true, description: 'De jeugdhulpaanbieder die de hulp levert.' })
  aanbieder(@Root() toewijzing: JeugdToewijzing): Aanbieder {
    return { agbCode: toewijzing.aanbiederAgb };
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'Het inkoopcontract waaronder geleverd wordt.' })
  contract(@Root() toewijzing: JeugdToewijzing): Contract | null {
    return toewijzing.contractId === null ? null : { id: toewijzing.contractId };
  }

  @FieldResolver(() => Tarief, { nullable: true, description: 'Het tarief dat gold op de ingangsdatum.' })
  tarief(@Root() toewijzing: JeugdToewijzing): Tarief | null {
    return toewijzing.tariefId === null ? null : { id: toewijzing.tariefId };
  }

  @FieldResolver(() => Inwoner, { nullable: true, description: 'De jeugdige aan wie de hulp is toegewezen.' })
  inwoner(@Root() toewijzing: JeugdToewijzing): Inwoner {
    return { id: toewijzing.inwonerId };
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente die de hulp toewijst en bekostigt.' })
  gemeente(@Root() toewijzing: JeugdToewijzing): Gemeente {
    return { code: toewijzing.gemeenteCode };
  }

  @FieldResolver(() => Verwijzing, { nullable: true, description: 'De verwijzing die tot deze toewijzing leidde, als bekend.' })
  async verwijzing(@Root() toewijzing: JeugdToewijzing, @Ctx() context: JeugdContext): Promise<Verwijzing | null> {
    return context.loaders.verwijzingVan(toewijzing);
  }

  @FieldResolver(() => JeugdTraject, { nullable: true, description: 'Het jeugdhulptraject waar deze toewijzing bij hoort, als bekend.' })
  async traject(@Root() toewijzing: JeugdToewijzing, @Ctx() context: JeugdContext): Promise<JeugdTraject | null> {
    if (toewijzing.trajectId === null) return null;
    return context.loaders.traject.load(toewijzing.trajectId);
  }
}
