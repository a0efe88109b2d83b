import { describeStapelingToewijzingen } from '@sociaal-graph/toolkit/testing';
import { subgraph } from '../../schema.js';
import { demoWorld, worldToewijzingen } from '../../jeugd.test-utils.js';

// The toewijzingen jeugd hands inkoop for the cost of stacking: the toolkit's tests of the shared resolver, on this subgraph.
describeStapelingToewijzingen({ subgraph, world: demoWorld(), toewijzingen: worldToewijzingen(), wet: 'JEUGDWET', veld: 'jeugdToewijzingen' });
