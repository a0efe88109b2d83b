import { fileURLToPath } from 'node:url';
import { defineSubgraph, resolveStapelingKosten } from '@sociaal-graph/toolkit';
import { loadDemo } from '../demo/load-demo.js';
import { ParticipatieBereikResolver } from './bereik/bereik.resolver.js';
import { GemeenteResolver } from './extends/gemeente/gemeente.resolver.js';
import { resolveGemeenteReference } from './extends/gemeente/gemeente.reference.js';
import { InwonerResolver } from './extends/inwoner/inwoner.resolver.js';
import { resolveInwonerReference } from './extends/inwoner/inwoner.reference.js';
import { ParticipatieKengetallenResolver } from './kengetallen/participatie-kengetallen.resolver.js';
import { LogboekResolver } from './extends/logboek/logboek.resolver.js';
import { Logboek } from './extends/logboek/logboek.type.js';
import { StapelingKosten, StapelingKostenResolver } from './extends/stapelingkosten/stapelingkosten.resolver.js';
import { createLoaders } from './loaders.js';
import { resolveMinimaregelingReference } from './minimaregeling/minimaregeling.reference.js';
import { MinimaregelingResolver } from './minimaregeling/minimaregeling.resolver.js';
import { resolveReintegratietrajectReference } from './reintegratietraject/reintegratietraject.reference.js';
import { ReintegratietrajectResolver } from './reintegratietraject/reintegratietraject.resolver.js';
import { resolveSchuldhulptrajectReference } from './schuldhulptraject/schuldhulptraject.reference.js';
import { SchuldhulptrajectResolver } from './schuldhulptraject/schuldhulptraject.resolver.js';
import { resolveUitkeringReference } from './uitkering/uitkering.reference.js';
import { UitkeringResolver } from './uitkering/uitkering.resolver.js';

/**
 * The participatie subgraph: Participatiewet uitkeringen, re-integratie (incl. beschut werk),
 * schuldhulpverlening and minimaregelingen, plus the lists it adds to Inwoner and Gemeente.
 * Every row is filtered in SQL by the caller's scope for the Participatiewet, rol UITVOERING.
 */
export const subgraph = defineSubgraph({
  name: 'participatie',
  defaultPort: 4005,
  resolvers: [
    UitkeringResolver,
    ParticipatieBereikResolver,
    ReintegratietrajectResolver,
    SchuldhulptrajectResolver,
    MinimaregelingResolver,
    ParticipatieKengetallenResolver,
    InwonerResolver,
    GemeenteResolver,
    LogboekResolver,
    StapelingKostenResolver,
  ],
  // Reached only through `_entities` (the fg's `Query.logboek` is in gemeenten).
  orphanedTypes: [Logboek, StapelingKosten],
  referenceResolvers: {
    StapelingKosten: { __resolveReference: resolveStapelingKosten },
    Uitkering: { __resolveReference: resolveUitkeringReference },
    Reintegratietraject: { __resolveReference: resolveReintegratietrajectReference },
    Schuldhulptraject: { __resolveReference: resolveSchuldhulptrajectReference },
    Minimaregeling: { __resolveReference: resolveMinimaregelingReference },
    Inwoner: { __resolveReference: resolveInwonerReference },
    Gemeente: { __resolveReference: resolveGemeenteReference },
  },
  // Serves personal data: every read is logged (Logboek Dataverwerkingen).
  logboek: true,
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  createLoaders,
  loadDemo,
});
