import { assertGemeentecode, assertJaar, PageArgs } from '@sociaal-graph/toolkit';
import { ArgsType, Field, Int } from 'type-graphql';
import { assertRecordId } from '../ids.js';

/** Arguments of the top-level `subsidies` and `voorveldrapportages` lists. */
@ArgsType()
export class SubsidieFilterArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Alleen deze gemeente (CBS-code, "0406").' })
  gemeente?: string | null;

  @Field(() => Int, { nullable: true, description: 'Alleen dit jaar.' })
  jaar?: number | null;

  @Field(() => String, { nullable: true, description: 'Alleen deze subsidiepartner (identificatie).' })
  partner?: string | null;
}

/** The validated filter of `SubsidieFilterArgs`: BAD_USER_INPUT on a malformed value. */
export interface SubsidieFilter {
  gemeente: string | null;
  jaar: number | null;
  partner: string | null;
}

/** Validates the filter arguments; `null` means no filter. */
export function subsidieFilterOf(args: SubsidieFilterArgs): SubsidieFilter {
  return {
    gemeente: args.gemeente == null ? null : assertGemeentecode(args.gemeente, 'gemeente'),
    jaar: assertSubsidieJaar(args.jaar),
    partner: args.partner == null ? null : assertRecordId(args.partner, 'subsidiepartner', 'partner'),
  };
}

/** An optional year argument: `null` when absent, BAD_USER_INPUT when not a year. */
export function assertSubsidieJaar(jaar: number | null | undefined): number | null {
  return jaar == null ? null : assertJaar(jaar);
}
