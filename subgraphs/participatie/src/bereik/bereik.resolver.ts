import { Wet, wetBereikResolver } from '@sociaal-graph/toolkit';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';

/** Reach of the Participatiewet (uitkeringen) per gemeente (issue 4 item 6). */
export const ParticipatieBereikResolver = wetBereikResolver({
  wet: Wet.PARTICIPATIEWET,
  veld: 'participatieBereik',
  gemeente: Gemeente,
  bron: 'uitkering',
  doelgroep: { veld: 'inwoners', naam: 'inwoners' },
  // Measured in scripts/results/measure-cost-weights.md (docs/demand-control.md).
  kosten: 275,
  beschrijving: {
    antwoord:
      'Antwoord op de vraag naar het bereik van de Participatiewet (uitkeringen): de gemeenten waarover gerekend wordt (vraag per gemeente ' +
      'participatieBereik(jaar) op) en de verantwoording.',
    gemeenten: 'De gevraagde gemeenten binnen uw mandaat voor statistiek (Participatiewet), in de gevraagde volgorde.',
    query:
      'Bereik van de Participatiewet: de gevraagde gemeenten binnen uw mandaat voor statistiek (Participatiewet), met per gemeente het veld ' +
      'participatieBereik(jaar): inwoners met een uitkering per 1.000 inwoners en in-, door- en uitstroom per kwartaal. Gemeenten buiten uw ' +
      'mandaat staan in verantwoording.uitgesloten, nooit als nul.',
    veld:
      'Bereik van de Participatiewet in deze gemeente in een jaar: inwoners met een uitkering (bijstand, IOAW, IOAZ, Bbz) per 1.000 inwoners ' +
      'en in-, door- en uitstroom per kwartaal; zie Verantwoording.onderdrukkingsregel. Null met een fout FORBIDDEN als de ' +
      'gemeente buiten uw mandaat voor statistiek (Participatiewet) valt.',
  },
});
