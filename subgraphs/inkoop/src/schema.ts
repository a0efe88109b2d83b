import { fileURLToPath } from 'node:url';
import { berichtenResolver, declaratieverwerker, defineSubgraph, resolveStapelingKosten } from '@sociaal-graph/toolkit';
import { loadDemo } from '../demo/load-demo.js';
import { resolveAanbieder } from './aanbieder/aanbieder.reference.js';
import { AanbiederResolver } from './aanbieder/aanbieder.resolver.js';
import { CodelijstResolver } from './codelijst/codelijst.resolver.js';
import { resolveContract } from './contract/contract.reference.js';
import { ContractResolver } from './contract/contract.resolver.js';
import { DeclaratieBeoordelingResolver } from './declaratie/beoordeling.mutation.js';
import { DeclaratieResolver } from './declaratie/declaratie.resolver.js';
import { DeclaratiegedragResolver } from './declaratie/declaratiegedrag.resolver.js';
import { resolveGemeente } from './extends/gemeente/gemeente.reference.js';
import { GemeenteResolver } from './extends/gemeente/gemeente.resolver.js';
import { resolveJeugdToewijzing } from './extends/jeugd-toewijzing/jeugd-toewijzing.reference.js';
import { JeugdToewijzingResolver } from './extends/jeugd-toewijzing/jeugd-toewijzing.resolver.js';
import { JeugdToewijzing } from './extends/jeugd-toewijzing/jeugd-toewijzing.type.js';
import { resolveJeugdTrajectkengetal } from './extends/jeugd-trajectkengetal/jeugd-trajectkengetal.reference.js';
import { JeugdTrajectkengetalResolver } from './extends/jeugd-trajectkengetal/jeugd-trajectkengetal.resolver.js';
import { JeugdTrajectkengetal } from './extends/jeugd-trajectkengetal/jeugd-trajectkengetal.type.js';
import { resolveWmoToewijzing } from './extends/wmo-toewijzing/wmo-toewijzing.reference.js';
import { WmoToewijzingResolver } from './extends/wmo-toewijzing/wmo-toewijzing.resolver.js';
import { WmoToewijzing } from './extends/wmo-toewijzing/wmo-toewijzing.type.js';
import { LogboekResolver } from './extends/logboek/logboek.resolver.js';
import { Logboek } from './extends/logboek/logboek.type.js';
import { StapelingKostenResolver } from './extends/stapelingkosten/stapelingkosten.resolver.js';
import { StapelingKosten } from './extends/stapelingkosten/stapelingkosten.type.js';
import { createLoaders } from './loaders.js';
import { PerceelResolver } from './perceel/perceel.resolver.js';
import { resolveProduct } from './product/product.reference.js';
import { ProductResolver } from './product/product.resolver.js';
import { resolveTarief } from './tarief/tarief.reference.js';
import { TariefResolver } from './tarief/tarief.resolver.js';
import { VerplichtingenResolver } from './verplichting/verplichtingen.resolver.js';

/**
 * The inkoop subgraph: aanbieders, the region's and gemeenten's contracts with percelen, producten
 * and tarieven (public), and the aanbieders' declaraties (filtered by CONTRACTBEHEER mandate).
 * Adds `Gemeente.contracten` and the declaraties of Wmo and Jeugdwet toewijzingen.
 */
export const subgraph = defineSubgraph({
  name: 'inkoop',
  defaultPort: 4007,
  resolvers: [
    AanbiederResolver,
    ContractResolver,
    PerceelResolver,
    ProductResolver,
    TariefResolver,
    DeclaratieResolver,
    DeclaratiegedragResolver,
    VerplichtingenResolver,
    CodelijstResolver,
    GemeenteResolver,
    WmoToewijzingResolver,
    JeugdToewijzingResolver,
    JeugdTrajectkengetalResolver,
    LogboekResolver,
    StapelingKostenResolver,
    // iWmo/iJw 323 in, answered by the 325 (docs/berichten.md); the back office's decision on its lines.
    berichtenResolver('Declaratie', declaratieverwerker()),
    DeclaratieBeoordelingResolver,
  ],
  // Stubs reached only through `_entities`: no field of ours returns them.
  orphanedTypes: [WmoToewijzing, JeugdToewijzing, JeugdTrajectkengetal, Logboek, StapelingKosten],
  referenceResolvers: {
    StapelingKosten: { __resolveReference: resolveStapelingKosten },
    Aanbieder: { __resolveReference: resolveAanbieder },
    Contract: { __resolveReference: resolveContract },
    Product: { __resolveReference: resolveProduct },
    Tarief: { __resolveReference: resolveTarief },
    Gemeente: { __resolveReference: resolveGemeente },
    WmoToewijzing: { __resolveReference: resolveWmoToewijzing },
    JeugdToewijzing: { __resolveReference: resolveJeugdToewijzing },
    JeugdTrajectkengetal: { __resolveReference: resolveJeugdTrajectkengetal },
  },
  // Serves personal data: every read is logged (Logboek Dataverwerkingen).
  logboek: true,
  // Owns iWmo/iJw 3.2 messages (docs/berichten.md "Which subgraph owns which message").
  berichten: true,
  // beoordeelDeclaratie: idempotency keys (docs/mutaties.md).
  mutaties: true,
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  createLoaders,
  loadDemo,
});
