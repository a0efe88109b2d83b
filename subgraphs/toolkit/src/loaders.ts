import DataLoader from 'dataloader';

/** Batches are one SQL statement each; this caps the size of the `= ANY($1)` array. */
export const MAX_BATCH_SIZE = 1000;

/**
 * A per-request DataLoader that also answers a key it already has without a promise
 * (`loadSettled`). DataLoader's `load` makes a new promise for every call, also on a cache hit, and
 * a resolver that returns a promise takes the executor's slow path: in `arrangementen` x12 (20,736
 * arrangements, each with its `uitvoerder` and `gemeente`) these promises and the garbage they leave
 * were about half of gemeenten' CPU for the operation (more with tracing on, whose AsyncLocalStorage
 * runs async hooks on every promise). `load` behaves exactly as DataLoader's.
 */
export class SettledLoader<K, V> extends DataLoader<K, V> {
  private readonly settled: Map<K, V>;

  constructor(batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V>) {
    const settled = new Map<K, V>();
    // Every key answered by a batch is settled as soon as the batch is, before its promises resolve
    // (a loader without a cache keeps nothing: each load is its own).
    super(options?.cache === false ? batch : async (keys) => {
      const values = await batch(keys);
      for (let i = 0; i < values.length; i += 1) {
        const value = values[i];
        if (!(value instanceof Error)) settled.set(keys[i], value);
      }
      return values;
    }, options);
    this.settled = settled;
  }

  /** The key's value itself once a batch of this loader has answered it, else `load`'s promise. */
  loadSettled(key: K): V | Promise<V> {
    return this.settled.has(key) ? (this.settled.get(key) as V) : this.load(key);
  }

  override clear(key: K): this {
    this.settled.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.settled.clear();
    return super.clearAll();
  }
}

/**
 * A per-request loader for entities by key: one statement per batch, rows re-ordered to the keys,
 * `null` for a key without a row (DataLoader's batch contract).
 */
export function keyedLoader<K extends string | number, V>(
  fetchRows: (keys: readonly K[]) => Promise<readonly V[]>,
  keyOf: (row: V) => K,
): SettledLoader<K, V | null> {
  return new SettledLoader<K, V | null>(
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
): SettledLoader<K, V[]> {
  return new SettledLoader<K, V[]>(
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
