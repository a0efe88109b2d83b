import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERGRAPH_PATH } from '../config.js';
import { planInternalFields } from './plan-internal-fields.js';

const internal = planInternalFields(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'));

describe('planInternalFields', () => {
  it('names the @inaccessible fields a fetch of the query plan holds, by the type they are on', () => {
    // The shape of the planner's fetches for the cost of stacking.
    expect(internal('query { stapeling(gemeenten: ["0406"], jaar: 2025) { rijen { kosten { __typename gemeenteCode jaar leden } } } }')).toEqual([
      'StapelingKosten.leden',
    ]);
    expect(
      internal('query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on StapelingKosten { wmoToewijzingen { inwonerId toewijzingsnummer } } } }'),
    ).toEqual(['StapelingKosten.wmoToewijzingen']);
    expect(internal('query { ...F } fragment F on Query { stapeling(gemeenten: ["0406"], jaar: 2025) { rijen { kosten { leden } } } }')).toEqual([
      'StapelingKosten.leden',
    ]);
  });

  it('names nothing for fields of the same name that a client may select', () => {
    expect(internal('{ wmoToewijzingen(first: 1) { items { toewijzingsnummer } } huishouden(id: "x") { leden { id } } }')).toEqual([]);
  });
});
