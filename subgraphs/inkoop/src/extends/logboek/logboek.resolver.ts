import { logboekDeelResolver } from '@sociaal-graph/toolkit';
import { Logboek } from './logboek.type.js';

/** The part of the Logboek Dataverwerkingen that inkoop keeps: its own reads of personal data. */
export const LogboekResolver = logboekDeelResolver(Logboek, { bron: 'inkoop', gegevens: 'declaraties' });
