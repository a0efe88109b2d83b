import type { Codelijst } from '@sociaal-graph/toolkit';

/** iWmo/iJw 3.2 geslacht (anchors-domain §1.4): 0 onbekend, 1 mannelijk, 2 vrouwelijk. */
export const GESLACHT: Codelijst = new Map([
  ['0', 'Onbekend'],
  ['1', 'Mannelijk'],
  ['2', 'Vrouwelijk'],
]);
