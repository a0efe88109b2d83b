import type { Database } from './database.js';
import type { DemoConfig } from './config.js';
import type { SubgraphDefinition } from './subgraph-definition.js';
import { generateDemoWorld } from './demo-world/generate.js';

/**
 * Loads the subgraph's slice of the demo world when its database has none yet, in one transaction
 * under an advisory lock (replicas starting together load it once). Returns whether it loaded.
 */
export async function loadDemoWorldIfEmpty(
  db: Database,
  definition: Pick<SubgraphDefinition, 'loadDemo'>,
  demo: DemoConfig,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`demo:${db.schema}`]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS demo_world (seed integer NOT NULL, scale real NOT NULL, gemeenten text NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())`,
    );
    const [loaded] = await tx.query(`SELECT seed FROM demo_world LIMIT 1`);
    if (loaded) return false;
    await definition.loadDemo(tx, generateDemoWorld(demo));
    await tx.query(`INSERT INTO demo_world (seed, scale, gemeenten) VALUES ($1, $2, $3)`, [demo.seed, demo.scale, demo.gemeenten]);
    return true;
  });
}
