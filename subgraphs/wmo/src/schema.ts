import { fileURLToPath } from 'node:url';
import { berichtenResolver, defineSubgraph, resolveStapelingKosten, Wet, zorgverwerker } from '@sociaal-graph/toolkit';
import { loadDemo } from '../demo/load-demo.js';
import { WmoBereikResolver } from './bereik/bereik.resolver.js';
import { WmoCodelijstResolver } from './codelijst/codelijst.resolver.js';
import { resolveAanbiederReference } from './extends/aanbieder/aanbieder.reference.js';
import { AanbiederResolver } from './extends/aanbieder/aanbieder.resolver.js';
import { Contract } from './extends/contract/contract.type.js';
import { resolveGemeenteReference } from './extends/gemeente/gemeente.reference.js';
import { GemeenteResolver } from './extends/gemeente/gemeente.resolver.js';
import { resolveInwonerReference } from './extends/inwoner/inwoner.reference.js';
import { InwonerResolver } from './extends/inwoner/inwoner.resolver.js';
import { Tarief } from './extends/tarief/tarief.type.js';
import { LogboekResolver } from './extends/logboek/logboek.resolver.js';
import { Logboek } from './extends/logboek/logboek.type.js';
import { Maatregel } from './extends/maatregel/maatregel.type.js';
import { WmoInstroomResolver } from './instroom/instroom.resolver.js';
import { StapelingKosten, StapelingKostenResolver } from './extends/stapelingkosten/stapelingkosten.resolver.js';
import { createLoaders } from './loaders.js';
import { WmoToewijzingTellingResolver } from './telling/telling.resolver.js';
import { resolveWmoToewijzingReference } from './toewijzing/toewijzing.reference.js';
import { WmoToewijzingResolver } from './toewijzing/toewijzing.resolver.js';

/**
 * The wmo subgraph: Wmo toewijzingen (iWmo 3.2) with their counts and code lists, and the
 * toewijzingen under `Inwoner`, `Aanbieder` and `Gemeente`. Every row is filtered by the caller's
 * scope for the uitvoering of the Wmo.
 */
export const subgraph = defineSubgraph({
  name: 'wmo',
  defaultPort: 4003,
  resolvers: [
    // iWmo/iJw 305, 307, 315, 317 in, their retours and the 301/319 out (docs/berichten.md).
    berichtenResolver('Wmo', zorgverwerker(Wet.WMO)),
    WmoToewijzingResolver,
    WmoToewijzingTellingResolver,
    WmoBereikResolver,
    WmoInstroomResolver,
    WmoCodelijstResolver,
    InwonerResolver,
    AanbiederResolver,
    GemeenteResolver,
    LogboekResolver,
    StapelingKostenResolver,
  ],
  orphanedTypes: [Contract, Tarief, Logboek, StapelingKosten, Maatregel],
  referenceResolvers: {
    StapelingKosten: { __resolveReference: resolveStapelingKosten },
    WmoToewijzing: { __resolveReference: resolveWmoToewijzingReference },
    Inwoner: { __resolveReference: resolveInwonerReference },
    Aanbieder: { __resolveReference: resolveAanbiederReference },
    Gemeente: { __resolveReference: resolveGemeenteReference },
  },
  // Serves personal data: every read is logged (Logboek Dataverwerkingen).
  logboek: true,
  // Owns iWmo/iJw 3.2 messages (docs/berichten.md "Which subgraph owns which message").
  berichten: true,
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  createLoaders,
  loadDemo,
});
