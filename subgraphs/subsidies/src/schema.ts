import { fileURLToPath } from 'node:url';
import { defineSubgraph } from '@sociaal-graph/toolkit';
import { loadDemo } from '../demo/load-demo.js';
import { resolveGemeenteReference } from './extends/gemeente/gemeente.reference.js';
import { GemeenteResolver } from './extends/gemeente/gemeente.resolver.js';
import { createLoaders } from './loaders.js';
import { PartnerSubsidiejaarResolver } from './partnerjaar/partnerjaar.resolver.js';
import { resolvePrestatieafspraakReference } from './prestatieafspraak/prestatieafspraak.reference.js';
import { PrestatieafspraakResolver } from './prestatieafspraak/prestatieafspraak.resolver.js';
import { resolveSubsidieReference } from './subsidie/subsidie.reference.js';
import { SubsidieResolver } from './subsidie/subsidie.resolver.js';
import { resolveSubsidiepartnerReference } from './subsidiepartner/subsidiepartner.reference.js';
import { SubsidiepartnerResolver } from './subsidiepartner/subsidiepartner.resolver.js';
import { SubsidieTotalenResolver } from './totalen/subsidie-totalen.resolver.js';
import { resolveVoorveldrapportageReference } from './voorveldrapportage/voorveldrapportage.reference.js';
import { VoorveldrapportageResolver } from './voorveldrapportage/voorveldrapportage.resolver.js';

/**
 * The subsidies subgraph: voorveld partners, their subsidies (verlening, vaststelling,
 * budgetplafond), prestatieafspraken and aggregate voorveld reports, plus `Gemeente.subsidies`.
 * Nothing here is personal data: no person keys, no row filter by mandate.
 */
export const subgraph = defineSubgraph({
  name: 'subsidies',
  defaultPort: 4006,
  resolvers: [
    SubsidiepartnerResolver,
    SubsidieResolver,
    PrestatieafspraakResolver,
    VoorveldrapportageResolver,
    SubsidieTotalenResolver,
    PartnerSubsidiejaarResolver,
    GemeenteResolver,
  ],
  referenceResolvers: {
    Subsidiepartner: { __resolveReference: resolveSubsidiepartnerReference },
    Subsidie: { __resolveReference: resolveSubsidieReference },
    Prestatieafspraak: { __resolveReference: resolvePrestatieafspraakReference },
    Voorveldrapportage: { __resolveReference: resolveVoorveldrapportageReference },
    Gemeente: { __resolveReference: resolveGemeenteReference },
  },
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  createLoaders,
  loadDemo,
});
