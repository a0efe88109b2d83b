import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.js';
import { BERICHTEN_MIGRATIONS_DIR } from './berichten/index.js';
import { GEGEVENSVERSIE_MIGRATIONS_DIR } from './gegevensversie/index.js';
import { LOGBOEK_MIGRATIONS_DIR } from './logboek/index.js';
import { MUTATIE_MIGRATIONS_DIR } from './mutatie/index.js';
import type { SubgraphDefinition } from './subgraph-definition.js';

/**
 * Applies the subgraph's `migrations/*.sql` files in name order, each once, inside one transaction
 * under an advisory lock, so that replicas starting together do not race. Returns the names applied.
 */
export async function runMigrations(db: Database, migrationsDir: string): Promise<string[]> {
  const files = readdirSync(migrationsDir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`migrations:${db.schema}`]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await tx.query<{ name: string }>(`SELECT name FROM schema_migrations`)).map((row) => row.name),
    );
    const applied: string[] = [];
    for (const name of files) {
      if (done.has(name)) continue;
      for (const statement of splitStatements(readFileSync(join(migrationsDir, name), 'utf8'))) {
        await tx.query(statement);
      }
      await tx.query(`INSERT INTO schema_migrations (name) VALUES ($1)`, [name]);
      applied.push(name);
    }
    return applied;
  });
}

/**
 * The data-version table first (a subgraph's own migrations put their versioned tables' rows and triggers in
 * it), then the subgraph's own migrations, then the log tables when it serves personal data (`logboek`), the
 * message tables when it owns iWmo/iJw traffic (`berichten`) and the idempotency keys when it has mutations (`mutaties`).
 */
export async function runSubgraphMigrations(
  db: Database,
  definition: Pick<SubgraphDefinition, 'migrationsDir' | 'logboek' | 'berichten' | 'mutaties'>,
): Promise<void> {
  // Named `gegevensversie_*.sql`, so it never collides with a subgraph's own names in schema_migrations.
  await runMigrations(db, GEGEVENSVERSIE_MIGRATIONS_DIR);
  await runMigrations(db, definition.migrationsDir);
  // Named `logboek_*.sql` and `berichten_*.sql`, so they never collide with a subgraph's own names in schema_migrations.
  if (definition.logboek) await runMigrations(db, LOGBOEK_MIGRATIONS_DIR);
  if (definition.berichten) await runMigrations(db, BERICHTEN_MIGRATIONS_DIR);
  // Named `mutatie_*.sql`, likewise.
  if (definition.mutaties) await runMigrations(db, MUTATIE_MIGRATIONS_DIR);
}

/** Migrations are plain DDL: split on semicolons at line ends, drop comments and blanks. */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--.*$/gm, '')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}
