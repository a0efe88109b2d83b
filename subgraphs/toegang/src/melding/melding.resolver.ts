import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Scope } from '@sociaal-graph/toolkit';
import type { ToegangContext } from '../context.js';
import { Consulent } from '../consulent/consulent.type.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { withPurpose } from '../purpose.js';
import { Melding } from './melding.type.js';
import type { MeldingRow } from './melding.sql.js';

/** The fields of a melding that point elsewhere. */
@Resolver(() => Melding)
export class MeldingResolver {
  // Declared on Melding (with its directive); resolved here for the second line.
  @FieldResolver()
  commentaar(@Root() melding: MeldingRow, @Ctx() context: ToegangContext): string | null {
    return withPurpose(context.principal, Scope.VRIJE_TEKST, 'Melding.commentaar', melding.commentaar);
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente waar de hulpvraag is gedaan.' })
  gemeente(@Root() melding: MeldingRow): Gemeente {
    return { code: melding.gemeenteCode };
  }

  @FieldResolver(() => Consulent, { nullable: true, description: 'De consulent die de hulpvraag behandelt.' })
  consulent(@Root() melding: MeldingRow, @Ctx() context: ToegangContext) {
    return melding.consulentId ? context.loaders.consulent.load(melding.consulentId) : null;
  }
}
