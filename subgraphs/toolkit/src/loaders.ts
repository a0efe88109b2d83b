import DataLoader from 'dataloader';

/** Batches are one SQL statement each; this caps the size of the `= ANY($1)` array. */
export const MAX_BATCH_SIZE = 1000;

/**
 * A per-request loader for entities by key: one statement per batch, rows re-ordered to the keys,
 * `null` for a key without a row (DataLoader's batch contract).
 */
export function keyedLoader<K extends string | number, V>(
  fetchRows: (keys: readonly K[]) => Promise<readonly V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const byKey = new Map<K, V>();
      for (const row of await fetchRows(keys)) byKey.set(keyOf(row), row);
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

/**
 * A per-request loader for the list under a parent (a resident's toewijzingen, a contract's
 * percelen): one statement per batch, rows grouped by parent key, `[]` for a parent without rows.
 * Rows keep the order the SQL gave them.
 */
export function groupedLoader<K extends string | number, V>(
  fetchRows: (keys: readonly K[]) => Promise<readonly V[]>,
  parentKeyOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(
    async (keys) => {
      const byKey = new Map<K, V[]>();
      for (const row of await fetchRows(keys)) {
        const key = parentKeyOf(row);
        const group = byKey.get(key);
        if (group) group.push(row);
        else byKey.set(key, [row]);
      }
      return keys.map((key) => byKey.get(key) ?? []);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

/**
 * One loader per distinct argument set within a request: a list under a parent may carry arguments
 * (`Gemeente.uitkeringen(first, offset, actiefOp)`) that become part of its SQL, so each distinct set
 * (compared as JSON) gets its own loader and its own batch. Build it inside `createLoaders`, so that
 * it never outlives its request.
 */
export function loaderFamily<A, L>(create: (args: A) => L): (args: A) => L {
  const loaders = new Map<string, L>();
  return (args) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (loader === undefined) {
      loader = create(args);
      loaders.set(key, loader);
    }
    return loader;
  };
}
