import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ToegangContext } from '../context.js';
import { Consulent } from '../consulent/consulent.type.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Melding } from './melding.type.js';
import type { MeldingRow } from './melding.sql.js';

/** The fields of a melding that point elsewhere. */
@Resolver(() => Melding)
export class MeldingResolver {
  @FieldResolver(() => Gemeente, { description: 'De gemeente waar de hulpvraag is gedaan.' })
  gemeente(@Root() melding: MeldingRow): Gemeente {
    return { code: melding.gemeenteCode };
  }

  @FieldResolver(() => Consulent, { nullable: true, description: 'De consulent die de hulpvraag behandelt.' })
  consulent(@Root() melding: MeldingRow, @Ctx() context: ToegangContext) {
    return melding.consulentId ? context.loaders.consulent.load(melding.consulentId) : null;
  }
}
