import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { subgraphSchema } from '@sociaal-graph/toolkit';
import { parse } from 'graphql';
import { subgraph as participatie } from '../participatie/src/schema.js';
import { subgraph } from './src/schema.js';
const services = [];
for (const [def, port] of [[participatie, 4005], [subgraph, 4006]] as const) {
  services.push({ name: def.name, url: `http://127.0.0.1:${port}/graphql`, typeDefs: parse(printSubgraphSchema(await subgraphSchema(def))) });
}
const result = composeServices(services);
console.log(result.errors?.map((e) => e.message) ?? 'composed OK', (result.hints ?? []).map((h) => h.toString()).slice(0, 10));
