import { fileURLToPath } from 'node:url';
import { berichtenResolver, defineSubgraph, resolveStapelingKosten, Wet, zorgverwerker } from '@sociaal-graph/toolkit';
import { loadDemo } from '../demo/load-demo.js';
import { JeugdBereikResolver } from './bereik/bereik.resolver.js';
import { CodelijstResolver } from './codelijst/codelijst.resolver.js';
import { resolveAanbiederReference } from './extends/aanbieder/aanbieder.reference.js';
import { AanbiederResolver } from './extends/aanbieder/aanbieder.resolver.js';
import { Contract } from './extends/contract/contract.type.js';
import { resolveGemeenteReference } from './extends/gemeente/gemeente.reference.js';
import { GemeenteResolver } from './extends/gemeente/gemeente.resolver.js';
import { resolveInwonerReference } from './extends/inwoner/inwoner.reference.js';
import { InwonerResolver } from './extends/inwoner/inwoner.resolver.js';
import { Tarief } from './extends/tarief/tarief.type.js';
import { JeugdToewijzingFieldsResolver } from './jeugd-toewijzing/jeugd-toewijzing-fields.resolver.js';
import { resolveJeugdToewijzingReference } from './jeugd-toewijzing/jeugd-toewijzing.reference.js';
import { JeugdToewijzingResolver } from './jeugd-toewijzing/jeugd-toewijzing.resolver.js';
import { JeugdTrajectResolver } from './jeugd-traject/jeugd-traject.resolver.js';
import { LogboekResolver } from './extends/logboek/logboek.resolver.js';
import { Logboek } from './extends/logboek/logboek.type.js';
import { StapelingKosten, StapelingKostenResolver } from './extends/stapelingkosten/stapelingkosten.resolver.js';
import { createLoaders } from './loaders.js';
import { JeugdToewijzingTellingResolver } from './telling/telling.resolver.js';
import { TrajectkengetalResolver } from './trajectkengetal/trajectkengetal.resolver.js';
import { VerwijsstroomResolver } from './verwijzing/verwijsstroom.resolver.js';
import { VerwijzingResolver } from './verwijzing/verwijzing.resolver.js';

/**
 * The jeugd subgraph: jeugdhulp toewijzingen (iJw 3.2), verwijzingen and trajecten, counts per
 * productcategorie and the iJw code lists, plus the jeugdhulp under `Inwoner`, `Aanbieder` and
 * `Gemeente`. Every row is filtered by the caller's scope for the uitvoering of the Jeugdwet.
 */
export const subgraph = defineSubgraph({
  name: 'jeugd',
  defaultPort: 4004,
  resolvers: [
    // iWmo/iJw 305, 307, 315, 317 in, their retours and the 301/319 out (docs/berichten.md).
    berichtenResolver('Jeugd', zorgverwerker(Wet.JEUGDWET)),
    JeugdToewijzingResolver,
    JeugdToewijzingFieldsResolver,
    VerwijzingResolver,
    VerwijsstroomResolver,
    JeugdTrajectResolver,
    TrajectkengetalResolver,
    JeugdToewijzingTellingResolver,
    JeugdBereikResolver,
    CodelijstResolver,
    InwonerResolver,
    AanbiederResolver,
    GemeenteResolver,
    LogboekResolver,
    StapelingKostenResolver,
  ],
  orphanedTypes: [Contract, Tarief, Logboek, StapelingKosten],
  referenceResolvers: {
    StapelingKosten: { __resolveReference: resolveStapelingKosten },
    JeugdToewijzing: { __resolveReference: resolveJeugdToewijzingReference },
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
