import { logboekDeelResolver } from '@sociaal-graph/toolkit';
import { Logboek } from './logboek.type.js';

/** The part of the Logboek Dataverwerkingen that toegang keeps: its own reads of personal data. */
export const LogboekResolver = logboekDeelResolver(Logboek, { bron: 'toegang', gegevens: 'inwoners, huishoudens en meldingen' });
