import type { AttackCase } from '../attack.js';
import { bereikJaarMinKwartalen } from './bereik.js';
import { declaratiegedragJaarEnAandelen } from './declaratiegedrag.js';
import { instroomRondMaatregel } from './instroom.js';
import { participatieJaarOpJaar } from './participatie.js';
import { stapelingKostenGroepen } from './stapeling.js';
import { tellingenPerProductcategorie } from './tellingen.js';
import { trajectkengetallenAandelen } from './trajecten.js';
import { verplichtingenJaarMinMaanden } from './verplichtingen.js';
import { verwijsstromenVensters } from './verwijsstromen.js';

/** Every attack of the suite; each names the aggregate fields it differences. */
export const CASES: readonly AttackCase[] = [instroomRondMaatregel, stapelingKostenGroepen, verplichtingenJaarMinMaanden, trajectkengetallenAandelen, declaratiegedragJaarEnAandelen, verwijsstromenVensters, tellingenPerProductcategorie, bereikJaarMinKwartalen, participatieJaarOpJaar];
