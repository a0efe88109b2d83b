import { JEUGD_TOEWIJZING, toewijzingMutatieResolver } from '@sociaal-graph/toolkit';
import type { JeugdContext } from '../context.js';
import { toewijzingKey } from './jeugd-toewijzing.sql.js';
import { JeugdToewijzing } from './jeugd-toewijzing.type.js';

/**
 * The consulent's and the back office's changes of jeugdhulp toewijzingen, each leaving the 301 for
 * the aanbieder (docs/mutaties.md); the mutations and their rules are the toolkit's, shared with the Wmo.
 */
export const JeugdToewijzingMutatieResolver = toewijzingMutatieResolver({
  wet: JEUGD_TOEWIJZING,
  naam: 'Jeugd',
  toewijzing: JeugdToewijzing,
  beschrijving: {
    wijsToe: 'Wijst jeugdhulp toe (nieuw toewijzingsnummer) en zet het 301-bericht voor de aanbieder klaar.',
    wijzig: 'Wijzigt volume of einddatum van een jeugdhulptoewijzing (met RedenWijziging) en zet het 301-bericht klaar.',
    beeindig: 'Beëindigt een jeugdhulptoewijzing op een datum met een reden (JZ588) en zet het 301-bericht klaar.',
    redenBeeindiging: 'Reden beëindiging (JZ588).',
  },
  lees: (context: JeugdContext, { gemeenteCode, toewijzingsnummer }) => context.loaders.toewijzing.load(toewijzingKey(gemeenteCode, toewijzingsnummer)),
});
