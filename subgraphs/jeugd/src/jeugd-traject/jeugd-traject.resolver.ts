import { Ctx, FieldResolver, Resolver, Root, Directive } from 'type-graphql';
import { listSize } from '@sociaal-graph/toolkit';
import type { JeugdContext } from '../context.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Inwoner } from '../extends/inwoner/inwoner.type.js';
import { JeugdToewijzing } from '../jeugd-toewijzing/jeugd-toewijzing.type.js';
import { JeugdTraject } from './jeugd-traject.type.js';

/** The fields of a jeugdhulp traject that point elsewhere. */
@Resolver(() => JeugdTraject)
export class JeugdTrajectResolver {
  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente die de jeugdhulp bekostigt.' })
  gemeente(@Root() traject: JeugdTraject): Gemeente {
    return { code: traject.gemeenteCode };
  }

  @FieldResolver(() => Inwoner, { nullable: true, description: 'De jeugdige van dit traject.' })
  inwoner(@Root() traject: JeugdTraject): Inwoner {
    return { id: traject.inwonerId };
  }

  @Directive(listSize(20))
  @FieldResolver(() => [JeugdToewijzing], { description: 'De toewijzingen binnen dit traject, nieuwste eerst.' })
  async toewijzingen(@Root() traject: JeugdTraject, @Ctx() context: JeugdContext): Promise<JeugdToewijzing[]> {
    return context.loaders.toewijzingenVanTraject.load(traject.id);
  }
}
