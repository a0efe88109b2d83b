import {
  assertAgbCode,
  assertGemeentecodes,
  assertJaar,
  type Principal,
  type Verantwoording,
  verantwoording,
  verdeelOpMandaat,
  Wet,
} from '@sociaal-graph/toolkit';
import { ArgsType, Field, Int } from 'type-graphql';

/** The arguments inkoop's steering answers per aanbieder share, as `binnenMandaat` reads them. */
export interface StuurinformatieVraag {
  gemeenten: string[];
  wet: Wet;
  jaar: number;
  aanbieder?: string | null;
}

/** Description of the `aanbieder` argument, which each answer declares itself (see `stuurinformatieArgs`). */
export const AANBIEDER_BESCHRIJVING = 'Alleen deze aanbieder (AGB-code, acht cijfers); leeg voor alle aanbieders.';

/**
 * The ArgsType base of inkoop's steering answers per aanbieder (`verplichtingen`, `declaratiegedrag`;
 * issue 4 items 2 and 3): the gemeenten, the law and the year. A function of what the law and the
 * year are of in the answer (`wet: 'de toewijzingen'`, `jaar: 'de levering'`), as their descriptions
 * say. `aanbieder` is abstract: type-graphql lists a base's arguments first, and each answer puts the
 * filter after its own arguments (`declaratiegedrag` has `perMaand` before it).
 */
export function stuurinformatieArgs(van: { wet: string; jaar: string }) {
  @ArgsType()
  abstract class StuurinformatieArgs implements StuurinformatieVraag {
    @Field(() => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400; gemeenten buiten uw mandaat worden uitgesloten en genoemd.' })
    gemeenten!: string[];

    @Field(() => Wet, { description: `De wet van ${van.wet}: WMO of JEUGDWET.` })
    wet!: Wet;

    @Field(() => Int, { description: `Kalenderjaar van ${van.jaar} (2015 of later).` })
    jaar!: number;

    abstract aanbieder?: string | null;
  }
  return StuurinformatieArgs;
}

/** What an answer's SQL gets: the checked arguments, with only the gemeenten within the caller's mandate. */
export interface StuurinformatieFilter {
  wet: Wet;
  gemeenten: readonly string[];
  jaar: number;
  aanbieder: string | null;
}

/**
 * Checks the shared arguments (BAD_USER_INPUT), splits the gemeenten by the caller's aggregate scope
 * for the law and runs `select` over those within it; with none within, no query runs and there are
 * no rows (the verantwoording names every gemeente, never a zero). The freshness dates come from the
 * first row, as the answers' SQL gives them over all rows.
 */
export async function binnenMandaat<R extends { gegevensTot: string | null; laatsteDeclaratie: string | null }>(
  vraag: StuurinformatieVraag,
  principal: Principal,
  select: (filter: StuurinformatieFilter) => Promise<R[]>,
): Promise<{ verantwoording: Verantwoording; rows: R[] }> {
  const codes = assertGemeentecodes(vraag.gemeenten);
  assertJaar(vraag.jaar);
  const aanbieder = vraag.aanbieder == null ? null : assertAgbCode(vraag.aanbieder, 'aanbieder');
  const verdeling = verdeelOpMandaat(vraag.wet, principal.statistiek(vraag.wet), codes);
  const rows = verdeling.binnen.length === 0 ? [] : await select({ wet: vraag.wet, gemeenten: verdeling.binnen, jaar: vraag.jaar, aanbieder });
  return {
    verantwoording: verantwoording(verdeling, { gegevensTot: rows[0]?.gegevensTot ?? null, laatsteDeclaratie: rows[0]?.laatsteDeclaratie ?? null }),
    rows,
  };
}
