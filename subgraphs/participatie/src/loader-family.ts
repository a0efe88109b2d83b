/**
 * One loader per distinct argument set within a request. `createLoaders(db)` does not know the
 * caller, and a list under a parent may carry arguments (`actiefOp`, paging); the scope and those
 * arguments become part of the SQL, so each distinct set gets its own loader (and its own batch).
 * Built inside `createLoaders`, so it never outlives its request.
 */
export function loaderFamily<A, L>(create: (args: A) => L): (args: A) => L {
  const loaders = new Map<string, L>();
  return (args) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(args);
      loaders.set(key, loader);
    }
    return loader;
  };
}
