import { fileURLToPath } from 'node:url';
import { defineSubgraph } from '@sociaal-graph/toolkit';
import { loadDemo } from '../demo/load-demo.js';
import { FinancienVergelijkingResolver } from './financien/financien-vergelijking.resolver.js';
import { GemeenteFinancienResolver } from './financien/financien.resolver.js';
import { resolveGemeenteReference } from './gemeente/gemeente.reference.js';
import { GemeenteResolver } from './gemeente/gemeente.resolver.js';
import { createLoaders } from './loaders.js';
import { LogboekResolver } from './logboek/logboek.resolver.js';
import { resolveMaatregelReference } from './maatregel/maatregel.reference.js';
import { GemeenteMaatregelenResolver, MaatregelResolver, MaatregelStatusResolver } from './maatregel/maatregel.resolver.js';
import { resolveOrganisatieReference } from './organisatie/organisatie.reference.js';
import { OrganisatieResolver } from './organisatie/organisatie.resolver.js';
import { RegioResolver } from './regio/regio.resolver.js';
import { SamenwerkingsverbandResolver } from './samenwerkingsverband/samenwerkingsverband.resolver.js';
import { GemeenteArrangementenResolver } from './uitvoeringsarrangement/gemeente-arrangementen.resolver.js';
import { UitvoeringsarrangementResolver } from './uitvoeringsarrangement/uitvoeringsarrangement.resolver.js';

/**
 * The gemeenten subgraph: gemeenten, regio's, samenwerkingsverbanden, organisaties, who executes
 * which law for whom, Iv3 figures and maatregelen. All of it is public data, so no row filter by
 * the caller's scope applies here (docs/mandates.md "Who uses it": public).
 */
export const subgraph = defineSubgraph({
  name: 'gemeenten',
  defaultPort: 4001,
  resolvers: [
    GemeenteResolver,
    GemeenteArrangementenResolver,
    GemeenteFinancienResolver,
    FinancienVergelijkingResolver,
    GemeenteMaatregelenResolver,
    RegioResolver,
    SamenwerkingsverbandResolver,
    OrganisatieResolver,
    UitvoeringsarrangementResolver,
    MaatregelResolver,
    MaatregelStatusResolver,
    LogboekResolver,
  ],
  referenceResolvers: {
    Gemeente: { __resolveReference: resolveGemeenteReference },
    Maatregel: { __resolveReference: resolveMaatregelReference },
    Organisatie: { __resolveReference: resolveOrganisatieReference },
  },
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  createLoaders,
  loadDemo,
});
