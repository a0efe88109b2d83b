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

/**
 * A class for the loaders of one request, each made by its function in `maak` at its first use and kept for
 * the request: `new Loaders(args)` makes none of them. A subgraph call uses one or two of its subgraph's
 * loaders, and making all of them in an object literal for every call was most of the garbage of making the
 * context: sampling heap profiles of `npm start`'s subgraphs' thread at 50 connections (the resident view, a
 * different resident each request; V8's sampler with the objects collected since kept) put the loaders of
 * gemeenten, inkoop, toegang and participatie at about 43 KiB of its 360 KiB allocated per view, and with
 * these classes the thread allocated 326 KiB per view (issue 14). Made this way their createLoaders took
 * 0.1-0.7 instead of 1.3-2.8 us per call (participatie 1.2 instead of 2.1: its reach loader is still made
 * with the context), in a microbenchmark alternating both in one process. The getters are defined once, on
 * the class's prototype; a subclass can add what must be made with the context (as participatie, jeugd and
 * wmo make their reach loader, `bereik`) and methods over the loaders (jeugd's `verwijzingVan`).
 */
export function loadersPerVerzoek<M extends Record<string, (args: never) => unknown>>(maak: M): new (args: Parameters<M[keyof M]>[0]) => VerzoekLoaders<M> {
  type Maker = (args: unknown) => unknown;
  class Loaders {
    readonly gemaakt: Record<string, unknown> = {};
    constructor(readonly args: unknown) {}
  }
  for (const naam of Object.keys(maak)) {
    const maakEen = maak[naam] as Maker;
    Object.defineProperty(Loaders.prototype, naam, {
      get(this: Loaders) {
        let loader = this.gemaakt[naam];
        if (loader === undefined) this.gemaakt[naam] = loader = maakEen(this.args);
        return loader;
      },
    });
  }
  return Loaders as unknown as new (args: Parameters<M[keyof M]>[0]) => VerzoekLoaders<M>;
}

/** The loaders `loadersPerVerzoek(maak)` makes: one per function of `maak`. */
export type VerzoekLoaders<M extends Record<string, (args: never) => unknown>> = { readonly [K in keyof M]: ReturnType<M[K]> };
