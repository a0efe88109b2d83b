/**
 * Returns a value that the database's constraints guarantee (a foreign key), or fails loudly: a
 * miss here is a bug or a broken load, never a caller's mistake, so it becomes an internal error.
 */
export function mustExist<T>(value: T | null | undefined, what: string): T {
  if (value == null) throw new Error(`invariant: ${what} bestaat niet`);
  return value;
}
