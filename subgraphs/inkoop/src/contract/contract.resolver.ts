import { assertGemeentecode, badUserInput, formatEurocent, listSize, pageInfo, pageOf } from '@sociaal-graph/toolkit';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Directive } from 'type-graphql';
import { Aanbieder } from '../aanbieder/aanbieder.type.js';
import type { InkoopContext } from '../context.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Organisatie } from '../extends/organisatie/organisatie.type.js';
import { mustExist } from '../invariant.js';
import { Perceel } from '../perceel/perceel.type.js';
import { ContractenArgs } from './contract.input.js';
import { findContracten } from './contract.sql.js';
import { Contract, ContractPage } from './contract.type.js';
import { MAX_PERCELEN_PER_CONTRACT } from '../lijstgrenzen.js';

/** Ids are short identifiers; anything longer or empty is a caller's mistake. */
const CONTRACT_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Queries for contracts and the fields that lead from a contract to its parts. All public. */
@Resolver(() => Contract)
export class ContractResolver {
  @Query(() => Contract, { nullable: true, description: 'Eén contract op id; leeg als het niet bestaat.' })
  contract(
    @Arg('id', () => String, { description: 'Identificatie van het contract.' }) id: string,
    @Ctx() { loaders }: InkoopContext,
  ): Promise<Contract | null> {
    if (!CONTRACT_ID.test(id)) throw badUserInput(`"${id}" is geen geldige contract-id.`, { argument: 'id' });
    return loaders.contract.load(id);
  }

  @Query(() => ContractPage, {
    description: 'Contracten op naam, per pagina; contractant "regio-gv" geeft de contracten van de regio Gooi en Vechtstreek.',
  })
  async contracten(@Args(() => ContractenArgs) args: ContractenArgs, @Ctx() { db }: InkoopContext): Promise<ContractPage> {
    const page = pageOf(args);
    const filter = {
      contractant: args.contractant ?? undefined,
      gemeente: args.gemeente == null ? undefined : assertGemeentecode(args.gemeente, 'gemeente'),
      wet: args.wet ?? undefined,
    };
    const { items, totaal } = await findContracten(db, filter, page);
    return { items, pageInfo: pageInfo(totaal, page, items.length) };
  }

  @FieldResolver(() => Organisatie, { nullable: true, description: 'Organisatie die het contract sloot (regio of gemeente).' })
  contractant(@Root() contract: Contract): Organisatie {
    return { id: contract.contractantId };
  }

  @FieldResolver(() => Aanbieder, { description: 'Gecontracteerde aanbieder.' })
  async aanbieder(@Root() contract: Contract, @Ctx() { loaders }: InkoopContext): Promise<Aanbieder> {
    return mustExist(await loaders.aanbieder.load(contract.aanbiederAgb), `aanbieder ${contract.aanbiederAgb}`);
  }

  @Directive(listSize(MAX_PERCELEN_PER_CONTRACT))
  @FieldResolver(() => [Perceel], { description: 'Percelen van het contract, op naam.' })
  percelen(@Root() contract: Contract, @Ctx() { loaders }: InkoopContext): Promise<Perceel[]> {
    return loaders.percelenByContract.load(contract.id);
  }

  @Directive(listSize(50))
  @FieldResolver(() => [Gemeente], { nullable: 'items', description: 'Gemeenten die aan het contract deelnemen, op CBS-code.' })
  deelnemendeGemeenten(@Root() contract: Contract): Gemeente[] {
    return contract.deelnemendeGemeenteCodes.map((code) => ({ code }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Lumpsum per jaar zoals een mens hem leest ("€ 1.234,56").' })
  lumpsumPerJaarTekst(@Root() contract: Contract): string | null {
    return contract.lumpsumPerJaar === null ? null : formatEurocent(contract.lumpsumPerJaar);
  }
}
