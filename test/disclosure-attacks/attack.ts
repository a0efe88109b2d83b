import type { DemoWorld } from '@sociaal-graph/toolkit';

/**
 * The attacker's side of the suite: what a published value tells someone who knows the documented
 * rules (threshold 10, rounding), how differences of published values narrow a withheld one, and
 * when that counts as a disclosure. Ground truth comes from the demo world the subgraphs load.
 */

/** Counts under this describe too few people to publish (README "Who may see what"). */
export const THRESHOLD = 10;

export interface Caller {
  readonly role: string;
  readonly org: string;
}

/** One request as an analyst sends it; kept with each finding so it can be replayed. */
export interface Request {
  readonly caller: Caller;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export interface Answer<D> {
  readonly data?: D | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * A value the attack narrowed down: `lo..hi` is what the attacker can be sure of from the published
 * values and the documented rules; `truth` the value in the demo world; `about` how many persons,
 * households or toewijzingen the value describes; `tolerance` the width a published value of its kind
 * has (4 for a count rounded to 5, 0 for an exact one). Disclosed when `about` is 1 to 9 and the
 * attacker pins the truth at least as precisely as a published value would.
 */
export interface Finding {
  readonly field: string;
  readonly target: string;
  readonly lo: number;
  readonly hi: number;
  readonly truth: number;
  readonly about: number;
  readonly tolerance: number;
  readonly requests: readonly Request[];
}

export function isDisclosure(finding: Finding): boolean {
  const { lo, hi, truth, about, tolerance } = finding;
  return about >= 1 && about < THRESHOLD && truth >= lo - 1e-6 && truth <= hi + 1e-6 && hi - lo <= tolerance + 1e-6;
}

export function describe(finding: Finding): string {
  const range = finding.lo === finding.hi ? `${finding.lo}` : `${finding.lo}..${finding.hi}`;
  return `${finding.field}: ${finding.target} recovered as ${range} (true ${finding.truth}, about ${finding.about})`;
}

export interface Outcome {
  /** Every value the attack narrowed down, disclosed or not (the test reports both). */
  readonly findings: Finding[];
  /** Requests the graph refused for what they asked (a query-set restriction): the attack got nothing. */
  readonly refused: string[];
}

export interface AttackContext {
  readonly world: DemoWorld;
  ask<D>(request: Request): Promise<Answer<D>>;
}

export interface AttackCase {
  readonly name: string;
  /** The aggregate fields (`Type.field`) this case differences; every aggregate field needs at least one case. */
  readonly covers: readonly string[];
  run(context: AttackContext): Promise<Outcome>;
}

/** Codes with which the graph refuses a request for what it asks (4xx), as opposed to a broken query. */
const REFUSAL_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'QUERY_TOO_COSTLY']);

/**
 * The data of an answer, or the reason it was refused. Any other error is the suite's own fault (a
 * query the schema no longer has, a server fault) and fails the case, so an attack never passes
 * because it could not be sent.
 */
export function dataOrRefusal<D>(answer: Answer<D>, request: Request): { data: D } | { refused: string } {
  const errors = answer.errors ?? [];
  const refusal = errors.find((e) => REFUSAL_CODES.has(String(e.extensions?.code)));
  if (refusal && !answer.data) return { refused: `${String(refusal.extensions?.code)}: ${refusal.message}` };
  if (refusal) return { refused: `${String(refusal.extensions?.code)}: ${refusal.message}` };
  if (errors.length > 0 || !answer.data) {
    throw new Error(`attack request failed: ${JSON.stringify(errors)}\n${request.query}\n${JSON.stringify(request.variables)}`);
  }
  return { data: answer.data };
}

// ---- what published values tell ------------------------------------------------------------------

export interface Published {
  readonly waarde: number | null;
  readonly onderdrukt: string | null;
  /** How the value was changed, where the schema says so: CELSLEUTEL_AFRONDING, CELSLEUTEL_RUIS, AFGELEID. */
  readonly bewerking?: string | null;
}

/** The selection of a published value. */
export const PUBLISHED = '{ waarde onderdrukt bewerking }';

/** What the attacker knows from a set of published counts: the interval of each, and the width of one. */
export interface CountRule {
  interval(value: Published | null | undefined): [number, number] | null;
  readonly tolerance: number;
}

/**
 * The documented rule of a set of published counts. Rounded to the nearest 5 (the rule until issue 10):
 * within 2 of the raw count. Rounded to 5 up or down at random (CELSLEUTEL_AFRONDING): within 4. Not
 * all multiples of 5: exact. A published count is never under the threshold.
 */
export function countRule(values: readonly (Published | null | undefined)[]): CountRule {
  const base = countBase(values.map((v) => v?.waarde));
  const random = values.some((v) => v?.bewerking === 'CELSLEUTEL_AFRONDING');
  const half = random ? base - 1 : Math.floor((base - 1) / 2);
  return {
    interval(value) {
      if (!value || value.waarde === null) return null;
      const w = value.waarde;
      if (w === 0 && !random) return [0, 0];
      return [Math.max(w - half, w >= THRESHOLD ? THRESHOLD : 0), w + half];
    },
    tolerance: 2 * half,
  };
}

/** What the attacker knows from a set of published amounts (eurocent). */
export interface AmountRule {
  interval(value: Published | null | undefined): [number, number] | null;
  readonly tolerance: number;
}

/**
 * Exact amounts, or amounts rounded to a unit (the largest power of ten dividing all), or with
 * cell-key noise (CELSLEUTEL_RUIS): at most half the largest contribution, which the dominance rule
 * keeps under half the amount, so the raw amount lies within 25% of the noisy one.
 */
export function amountRule(values: readonly (Published | null | undefined)[]): AmountRule {
  const unit = amountUnit(values.map((v) => v?.waarde));
  const half = unit === 1 ? 0 : unit / 2;
  return {
    interval(value) {
      if (!value || value.waarde === null) return null;
      const [lo, hi] = [value.waarde - half, value.waarde + half];
      if (value.bewerking === 'CELSLEUTEL_RUIS') return lo >= 0 ? [lo / 1.25, hi / 0.75] : [lo / 0.75, hi / 1.25];
      return [lo, hi];
    },
    tolerance: 2 * half,
  };
}

/**
 * The rounding base of a set of published counts as an attacker reads it: 5 when every one is a
 * multiple of 5 (the documented rounding), else 1 (exact).
 */
export function countBase(values: readonly (number | null | undefined)[]): number {
  const shown = values.filter((v): v is number => typeof v === 'number' && v !== 0);
  return shown.length > 0 && shown.every((v) => v % 5 === 0) ? 5 : 1;
}

/** What a published count says about the raw one: its interval, or null when withheld. */
export function countInterval(value: Published | null | undefined, base: number): [number, number] | null {
  if (!value || value.waarde === null) return null;
  const w = value.waarde;
  if (w === 0) return [0, 0];
  const half = Math.floor((base - 1) / 2);
  // A published count is never under the threshold (documented), which a rounded 10 narrows to 10..12.
  return [Math.max(w - half, w >= THRESHOLD ? THRESHOLD : 0), w + half];
}

/** The width a published count has: what an attack must beat to learn more than is published. */
export const countTolerance = (base: number): number => 2 * Math.floor((base - 1) / 2);

/**
 * The unit of a set of published amounts in eurocent: the largest power of ten dividing all of them
 * (1: exact to the cent). An amount published as a multiple of `unit` lies within unit/2 of the raw one.
 */
export function amountUnit(values: readonly (number | null | undefined)[]): number {
  const shown = values.filter((v): v is number => typeof v === 'number' && v !== 0);
  let unit = 1;
  while (unit < 1e9 && shown.length > 0 && shown.every((v) => v % (unit * 10) === 0)) unit *= 10;
  return unit;
}

export function amountInterval(value: Published | null | undefined, unit: number): [number, number] | null {
  if (!value || value.waarde === null) return null;
  const half = unit === 1 ? 0 : unit / 2;
  return [value.waarde - half, value.waarde + half];
}

export const amountTolerance = (unit: number): number => (unit === 1 ? 0 : unit);

/** Interval sum and difference. */
export const plus = (a: [number, number], b: [number, number]): [number, number] => [a[0] + b[0], a[1] + b[1]];
export const minus = (a: [number, number], b: [number, number]): [number, number] => [a[0] - b[1], a[1] - b[0]];
export const sum = (items: readonly [number, number][]): [number, number] => items.reduce(plus, [0, 0]);

/** Whether `x` rounds to `published` at `decimals` (half up or half away from zero: both accepted). */
export function roundsTo(x: number, published: number, decimals: number): boolean {
  return Math.abs(x - published) <= 0.5 * 10 ** -decimals + 1e-9;
}

/** Number of decimals a published derived value shows (at most 6). */
export function decimalsOf(values: readonly (number | null | undefined)[]): number {
  let d = 0;
  for (const v of values) {
    if (typeof v !== 'number') continue;
    while (d < 6 && Math.abs(Math.round(v * 10 ** d) - v * 10 ** d) > 1e-7) d += 1;
  }
  return d;
}

/**
 * A share published with `decimals` over a count known to lie in `n`: the pairs (count, numerator)
 * consistent with it. One pair left means both are known exactly.
 */
export function pinShare(n: [number, number], share: number, decimals: number): { n: number; k: number }[] {
  const out: { n: number; k: number }[] = [];
  for (let count = Math.max(1, Math.ceil(n[0])); count <= Math.floor(n[1]); count += 1) {
    for (let k = 0; k <= count; k += 1) if (roundsTo(k / count, share, decimals)) out.push({ n: count, k });
  }
  return out;
}

/**
 * A mean published with `decimals` over a count known to lie in `n`, of values that are multiples of
 * `step` (whole hours, whole days): the counts and sums consistent with it.
 */
export function pinMean(n: [number, number], mean: number, decimals: number, step: number): { n: number; sum: number }[] {
  const out: { n: number; sum: number }[] = [];
  for (let count = Math.max(1, Math.ceil(n[0])); count <= Math.floor(n[1]); count += 1) {
    const lo = Math.ceil(((mean - 0.5 * 10 ** -decimals) * count) / step - 1e-9);
    const hi = Math.floor(((mean + 0.5 * 10 ** -decimals) * count) / step + 1e-9);
    for (let m = lo; m <= hi; m += 1) if (roundsTo((m * step) / count, mean, decimals)) out.push({ n: count, sum: m * step });
  }
  return out;
}

/** The interval spanned by a set of candidates. */
export function span(values: readonly number[]): [number, number] | null {
  return values.length === 0 ? null : [Math.min(...values), Math.max(...values)];
}

/** An additive relation between published cells: `whole` is the sum of `parts`. */
export interface Relation {
  readonly whole: string;
  readonly parts: readonly string[];
}

/**
 * Follows additive relations until nothing new follows: a whole minus its known parts gives the one
 * part left, and known parts add up to their whole. Adds what it derives to `known` (cells the
 * attacker knew from publication keep their interval).
 */
export function closeRelations(known: Map<string, [number, number]>, relations: readonly Relation[]): Map<string, [number, number]> {
  let changed = true;
  while (changed) {
    changed = false;
    for (const { whole, parts } of relations) {
      const unknown = parts.filter((p) => !known.has(p));
      const w = known.get(whole);
      if (w && unknown.length === 1) {
        known.set(unknown[0] as string, minus(w, sum(parts.filter((p) => known.has(p)).map((p) => known.get(p) as [number, number]))));
        changed = true;
      } else if (!w && unknown.length === 0 && parts.length > 0) {
        known.set(whole, sum(parts.map((p) => known.get(p) as [number, number])));
        changed = true;
      }
    }
  }
  return known;
}

/**
 * For each count a row publishes beside shares of it: the numerators the shares pin. `count` is the
 * interval the attacker knows of the denominator.
 */
export function numeratorsOf(count: [number, number], share: number, decimals: number): [number, number] | null {
  const ks = pinShare(count, share, decimals).map((c) => c.k);
  return span(ks);
}

/**
 * A derived value (share, average, duration) as the schema gives it: a plain number (computed from raw
 * counts: it can pin them) or an OnderdruktGetal whose bewerking AFGELEID says it was computed from
 * published values only (it tells nothing beyond them, so it pins nothing).
 */
export function rawDerived(value: number | Published | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (value.waarde === null || value.bewerking === 'AFGELEID') return null;
  return value.waarde;
}
