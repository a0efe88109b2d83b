import { fileURLToPath } from 'node:url';
import { defineSubgraph, resolveStapelingKosten } from '@sociaal-graph/toolkit';
import { loadDemo } from '../demo/load-demo.js';
import { ConsulentResolver } from './consulent/consulent.resolver.js';
import { resolveGemeenteReference } from './extends/gemeente/gemeente.reference.js';
import { GemeenteResolver } from './extends/gemeente/gemeente.resolver.js';
import { Organisatie } from './extends/organisatie/organisatie.type.js';
import { HuishoudenResolver } from './huishouden/huishouden.resolver.js';
import { InwonerFieldsResolver } from './inwoner/inwoner-fields.resolver.js';
import { resolveInwonerReference } from './inwoner/inwoner.reference.js';
import { InwonerResolver } from './inwoner/inwoner.resolver.js';
import { LogboekResolver } from './extends/logboek/logboek.resolver.js';
import { Logboek } from './extends/logboek/logboek.type.js';
import { createLoaders } from './loaders.js';
import { MeldingMutatieResolver } from './melding/melding.mutation.js';
import { MeldingResolver } from './melding/melding.resolver.js';
import { StapelingResolver } from './stapeling/stapeling.resolver.js';
import { StapelingKostenResolver } from './stapeling/stapelingkosten.resolver.js';
import { TeamResolver } from './team/team.resolver.js';

/**
 * The toegang subgraph: owns Inwoner (keyed by pseudonym), Huishouden, Melding, Consulent and
 * Team, and adds `inwoners` to Gemeente.
 */
export const subgraph = defineSubgraph({
  name: 'toegang',
  defaultPort: 4002,
  resolvers: [
    InwonerResolver,
    InwonerFieldsResolver,
    HuishoudenResolver,
    MeldingResolver,
    MeldingMutatieResolver,
    ConsulentResolver,
    TeamResolver,
    GemeenteResolver,
    LogboekResolver,
    StapelingResolver,
    StapelingKostenResolver,
  ],
  orphanedTypes: [Organisatie, Logboek],
  referenceResolvers: {
    StapelingKosten: { __resolveReference: resolveStapelingKosten },
    Inwoner: { __resolveReference: resolveInwonerReference },
    Gemeente: { __resolveReference: resolveGemeenteReference },
  },
  // Serves personal data: every read is logged (Logboek Dataverwerkingen).
  logboek: true,
  // registreerMelding: idempotency keys (docs/mutaties.md).
  mutaties: true,
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  createLoaders,
  loadDemo,
});
