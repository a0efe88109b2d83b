import type { AttackContext, Request } from './attack.js';

/**
 * Attacks that need no knowledge of a field: they reuse the requests the cases sent.
 * - Repeated queries averaged: the same request must give the same answer, or averaging repeats
 *   takes any noise away (cell-key perturbation gives a cell the same noise every time).
 * - A set {A,B} minus {B}: a value published for gemeente A must be the same whether A is asked with
 *   B or alone, or the difference says something about B (or about A beyond what is published).
 */

/** Numeric leaves of an answer by path, e.g. `rijen.3.aantalClienten.waarde`. */
function numericLeaves(value: unknown, path = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => numericLeaves(v, `${path}.${i}`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numericLeaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** Sends every request `times` more and lists each value that came back different. */
export async function repeatedRequests(context: AttackContext, requests: readonly Request[], times = 2): Promise<string[]> {
  const differences: string[] = [];
  for (const request of requests) {
    const first = numericLeaves((await context.ask(request)).data);
    for (let i = 0; i < times; i += 1) {
      const again = numericLeaves((await context.ask(request)).data);
      for (const [path, value] of first) {
        if (again.get(path) !== value) differences.push(`${JSON.stringify(request.variables).slice(0, 80)}: ${path} was ${value}, then ${again.get(path)}`);
      }
    }
  }
  return differences;
}

/** The name of a request's gemeenten variable, if it asks for a list of them. */
function gemeentenVariable(request: Request): string | undefined {
  return Object.entries(request.variables).find(([name, v]) => /^(g|gemeenten)$/.test(name) && Array.isArray(v) && v.length >= 2)?.[0];
}

/** Objects of an answer about one gemeente, keyed by their non-numeric content (the row's identity). */
function rowsOf(value: unknown, gemeente: string, out = new Map<string, Map<string, number>>()): Map<string, Map<string, number>> {
  if (Array.isArray(value)) value.forEach((v) => rowsOf(v, gemeente, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const code = (record.gemeente as { code?: string } | undefined)?.code ?? record.gemeenteCode ?? (typeof record.code === 'string' && /^\d{4}$/.test(record.code) ? record.code : undefined);
    if (code === gemeente) {
      const identity = JSON.stringify(record, (_k, v) => (typeof v === 'number' ? undefined : v));
      out.set(identity, numericLeaves(record));
    } else {
      for (const v of Object.values(record)) rowsOf(v, gemeente, out);
    }
  }
  return out;
}

/** For every request over two or more gemeenten: each gemeente alone, compared value by published value. */
export async function setDifferences(context: AttackContext, requests: readonly Request[]): Promise<string[]> {
  const differences: string[] = [];
  for (const request of requests) {
    const name = gemeentenVariable(request);
    if (!name) continue;
    const together = (await context.ask(request)).data;
    for (const gemeente of request.variables[name] as string[]) {
      const alone = (await context.ask({ ...request, variables: { ...request.variables, [name]: [gemeente] } })).data;
      const a = rowsOf(together, gemeente);
      const b = rowsOf(alone, gemeente);
      for (const [identity, values] of a) {
        const other = b.get(identity);
        if (!other) continue;
        for (const [path, value] of values) {
          const single = other.get(path);
          if (single !== undefined && single !== value) {
            differences.push(`${gemeente} ${path} (${identity.slice(0, 60)}): ${value} asked with ${JSON.stringify(request.variables[name])}, ${single} alone`);
          }
        }
      }
    }
  }
  return differences;
}
