/**
 * One loader per distinct argument set within a request: a list under a parent may carry arguments
 * (`Gemeente.uitkeringen(first, offset, actiefOp)`) that become part of its SQL, so each distinct set
 * gets its own loader (and its own batch). Built inside `createLoaders`, so it never outlives its request.
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
