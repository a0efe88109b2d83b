import { Wet, wetBereikResolver } from '@sociaal-graph/toolkit';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';

/** Reach of the Jeugdwet per gemeente (issue 4 item 6): the root with the mandate split, the numbers on the gemeente. */
export const JeugdBereikResolver = wetBereikResolver({
  wet: Wet.JEUGDWET,
  veld: 'jeugdBereik',
  gemeente: Gemeente,
  bron: 'toewijzing',
  // Jeugdhulp per 1,000 young people under 18, as CBS Beleidsinformatie Jeugd reports it.
  doelgroep: { veld: 'inwonersOnder18', naam: 'inwoners onder 18' },
  // Measured in scripts/results/measure-cost-weights.md (docs/demand-control.md).
  kosten: 275,
  beschrijving: {
    antwoord:
      'Antwoord op de vraag naar het bereik van de Jeugdwet: de gemeenten waarover gerekend wordt (vraag per gemeente jeugdBereik(jaar) op) en de verantwoording.',
    gemeenten: 'De gevraagde gemeenten binnen uw mandaat voor statistiek (Jeugdwet), in de gevraagde volgorde.',
    query:
      'Bereik van de Jeugdwet: de gevraagde gemeenten binnen uw mandaat voor statistiek (Jeugdwet), met per gemeente het veld jeugdBereik(jaar): clienten ' +
      'per 1.000 inwoners onder 18 en in-, door- en uitstroom per kwartaal. Gemeenten buiten uw mandaat staan in verantwoording.uitgesloten, nooit als nul.',
    veld:
      'Bereik van de Jeugdwet in deze gemeente in een jaar: clienten per 1.000 inwoners onder 18 en in-, door- en uitstroom per kwartaal; zie ' +
      'Verantwoording.onderdrukkingsregel. Null met een fout FORBIDDEN als de gemeente buiten uw mandaat voor statistiek (Jeugdwet) valt.',
  },
});
