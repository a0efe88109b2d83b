import { toewijzingMutatieResolver, WMO_TOEWIJZING } from '@sociaal-graph/toolkit';
import { type WmoContext, wmoToewijzingScope } from '../context.js';
import { toewijzingKey } from './toewijzing.sql.js';
import { WmoToewijzing, wmoToewijzingOf } from './toewijzing.type.js';

/**
 * The consulent's and the back office's changes of Wmo toewijzingen, each leaving the 301 for the
 * aanbieder (docs/mutaties.md); the mutations and their rules are the toolkit's, shared with the Jeugdwet.
 */
export const WmoToewijzingMutatieResolver = toewijzingMutatieResolver({
  wet: WMO_TOEWIJZING,
  naam: 'Wmo',
  toewijzing: WmoToewijzing,
  beschrijving: {
    wijsToe: 'Wijst Wmo-ondersteuning toe (nieuw toewijzingsnummer) en zet het 301-bericht voor de aanbieder klaar.',
    wijzig: 'Wijzigt volume of einddatum van een Wmo-toewijzing (met RedenWijziging) en zet het 301-bericht klaar.',
    beeindig: 'Beëindigt een Wmo-toewijzing op een datum met een reden (WMO588) en zet het 301-bericht klaar.',
    redenBeeindiging: 'Reden beëindiging (WMO588, bijvoorbeeld "36" geïnitieerd door de gemeente).',
  },
  lees: async (context: WmoContext, { gemeenteCode, toewijzingsnummer }) => {
    const row = await context.loaders.toewijzing(wmoToewijzingScope(context)).load(toewijzingKey(gemeenteCode, toewijzingsnummer));
    return row && wmoToewijzingOf(row);
  },
});
