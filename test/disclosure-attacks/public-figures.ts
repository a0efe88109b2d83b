import { getNamedType, type GraphQLNamedType, type GraphQLSchema, isInterfaceType, isLeafType, isObjectType, type ConstDirectiveNode } from 'graphql';
import { loadSupergraph } from './schema.js';

/**
 * The figures the graph publishes as they are, outside the disclosure-control policy, each with the
 * reason (README "What an aggregate gives away"). The attack suite does not skip them silently: it
 * walks the supergraph from `Query` through every field a caller reaches without a purpose
 * (`@requiresScopes`) and fails on any number there that is not listed here. A new figure about
 * residents reachable without a purpose therefore fails the suite until it is put under the policy
 * (`aggregaten:lezen`, `@geaggregeerd`) or listed here with a reason a privacy officer can check.
 */
export const PUBLISHED_AS_THEY_ARE: Readonly<Record<string, string>> = {
  ...reason(
    'public finance: budgets and realisations of a gemeente per taakveld (Iv3), public money of organisations, not persons',
    'TaakveldVergelijking.begroting', 'TaakveldVergelijking.prognose', 'TaakveldVergelijking.realisatie', 'TaakveldVergelijking.tekort',
    'TaakveldFinancien.begroting', 'TaakveldFinancien.prognose', 'TaakveldFinancien.realisatie', 'TaakveldFinancien.tekort',
    'JaarFinancien.begroting', 'JaarFinancien.prognose', 'JaarFinancien.realisatie', 'JaarFinancien.tekort',
    'TaakveldVergelijking.begrotingPerInwoner', 'TaakveldVergelijking.prognosePerInwoner', 'TaakveldVergelijking.realisatiePerInwoner',
    'TaakveldVergelijking.tekortPerInwoner', 'FinancienReferentie.aantalGemeenten', 'FinancienReferentie.begrotingPerInwoner',
    'FinancienReferentie.prognosePerInwoner', 'FinancienReferentie.realisatiePerInwoner', 'FinancienReferentie.tekortPerInwoner',
    'TaakveldFinancien.begrotingPerInwoner', 'TaakveldFinancien.prognosePerInwoner', 'TaakveldFinancien.realisatiePerInwoner',
    'TaakveldFinancien.tekortPerInwoner', 'JaarFinancien.begrotingPerInwoner', 'JaarFinancien.prognosePerInwoner',
    'JaarFinancien.realisatiePerInwoner', 'JaarFinancien.tekortPerInwoner', 'JaarFinancien.aantalTaakvelden',
  ),
  ...reason(
    "subsidies: amounts granted to and settled with partner organisations, and the performance and voorveld figures partners report in their public accountability; no records of residents in the graph",
    'Subsidie.aangevraagd', 'Subsidie.verleend', 'Subsidie.vastgesteld', 'Subsidie.budgetplafond', 'Prestatieafspraak.afgesproken',
    'Prestatieafspraak.gerealiseerd', 'Prestatieafspraak.realisatiePercentage', 'PartnerSubsidiejaar.aantalSubsidies',
    'PartnerSubsidiejaar.aantalVastgesteld', 'PartnerSubsidiejaar.aangevraagd', 'PartnerSubsidiejaar.verleend', 'PartnerSubsidiejaar.vastgesteld',
    'PartnerSubsidiejaar.budgetplafond', 'PartnerSubsidiejaar.verschil', 'SubsidieTotalen.aangevraagd', 'SubsidieTotalen.verleend',
    'SubsidieTotalen.vastgesteld', 'SubsidieTotalen.verleendVastgesteld', 'SubsidieTotalen.verschil', 'PrestatieRealisatie.aantalAfspraken', 'PrestatieRealisatie.afgesproken',
    'PrestatieRealisatie.gerealiseerd', 'PrestatieRealisatie.realisatiePercentage', 'VoorveldJaartotaal.aantalRapportages',
    'VoorveldJaartotaal.aantalDeelnemers', 'VoorveldJaartotaal.aantalContacten', 'SubsidieTotalen.aantalSubsidies',
    'SubsidieTotalen.aantalVastgesteld', 'Voorveldrapportage.aantalDeelnemers', 'Voorveldrapportage.aantalContacten',
  ),
  ...reason('population of a gemeente: public CBS figures (tens of thousands of people), no records of the graph', 'Gemeente.inwoners', 'Gemeente.inwonersOnder18', 'Gemeente.huishoudens'),
  ...reason('purchasing terms of a public contract, the same for every client', 'Contract.declaratietermijnDagen', 'Contract.lumpsumPerJaar', 'Tarief.bedrag'),
  ...reason(
    'not a figure: a year, a quarter or the position in a page of public rows (organisations, contracts, subsidies)',
    'TaakveldVergelijking.jaar', 'TaakveldFinancien.jaar', 'JaarFinancien.jaar', 'Subsidie.jaar', 'PartnerSubsidiejaar.jaar', 'SubsidieTotalen.jaar',
    'Voorveldrapportage.jaar', 'Voorveldrapportage.kwartaal', 'VoorveldJaartotaal.laatsteKwartaal', 'PageInfo.totaal', 'PageInfo.offset',
  ),
};

function reason(why: string, ...fields: string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, why]));
}

const NUMBERS = new Set(['Int', 'Float', 'SafeInt', 'BigInt']);

const has = (directives: readonly ConstDirectiveNode[] | undefined, name: string) => (directives ?? []).some((d) => d.name.value === name);

/**
 * Every number (`Type.field`) a caller reaches from `Query` without any purpose: through no field or
 * type with `@requiresScopes` (personal data and aggregates each require one) and no `@inaccessible`.
 */
export function figuresWithoutPurpose(schema: GraphQLSchema = loadSupergraph()): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const walk = (type: GraphQLNamedType) => {
    if (!(isObjectType(type) || isInterfaceType(type)) || seen.has(type.name)) return;
    if (has(type.astNode?.directives, 'requiresScopes')) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const directives = field.astNode?.directives;
      if (has(directives, 'requiresScopes') || has(directives, 'inaccessible')) continue;
      const returned = getNamedType(field.type);
      if (isLeafType(returned)) {
        if (NUMBERS.has(returned.name)) found.add(`${type.name}.${field.name}`);
      } else walk(returned);
    }
  };
  const query = schema.getQueryType();
  if (query) walk(query);
  return [...found].sort();
}
