import { Wet, wetBereikResolver } from '@sociaal-graph/toolkit';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';

/** Reach of the Wmo per gemeente (issue 4 item 6): the root with the mandate split, the numbers on the gemeente. */
export const WmoBereikResolver = wetBereikResolver({
  wet: Wet.WMO,
  veld: 'wmoBereik',
  gemeente: Gemeente,
  bron: 'toewijzing',
  doelgroep: { veld: 'inwoners', naam: 'inwoners' },
  // Measured in scripts/results/measure-cost-weights.md (docs/demand-control.md).
  kosten: 350,
  beschrijving: {
    antwoord: 'Antwoord op de vraag naar het bereik van de Wmo: de gemeenten waarover gerekend wordt (vraag per gemeente wmoBereik(jaar) op) en de verantwoording.',
    gemeenten: 'De gevraagde gemeenten binnen uw mandaat voor statistiek (Wmo), in de gevraagde volgorde.',
    query:
      'Bereik van de Wmo: de gevraagde gemeenten binnen uw mandaat voor statistiek (Wmo), met per gemeente het veld wmoBereik(jaar): clienten ' +
      'per 1.000 inwoners en in-, door- en uitstroom per kwartaal. Gemeenten buiten uw mandaat staan in verantwoording.uitgesloten, nooit als nul.',
    veld:
      'Bereik van de Wmo in deze gemeente in een jaar: clienten per 1.000 inwoners en in-, door- en uitstroom per kwartaal; zie ' +
      'Verantwoording.onderdrukkingsregel. Null met een fout FORBIDDEN als de gemeente buiten uw mandaat voor statistiek (Wmo) valt.',
  },
});
