/**
 * Sizes of lists for the gateway's cost estimate (issue 11, item 1), as the `@listSize` directive
 * of the cost specification (federation 2.9, `https://specs.apollo.dev/cost/v0.1`), composed into
 * the supergraph. Every list field of the graph has either paging (`first`, or `items` of a page)
 * or one of these; `codegen`'s composition check refuses a list with neither
 * (docs/demand-control.md).
 */

/**
 * `@listSize(assumedSize: n)`: the list never holds more than `n` items: a true upper bound where
 * the domain has one (12 arrangements per gemeente, the code list's length, 12 months, 3 laws).
 * In an answer over asked gemeenten (a root field with a `gemeenten` argument) the size is per
 * gemeente: the gateway multiplies the whole answer by the number of gemeenten asked.
 */
export function listSize(assumedSize: number): string {
  if (!Number.isInteger(assumedSize) || assumedSize < 0) throw new Error(`listSize: ${assumedSize} is not a size`);
  return `@listSize(assumedSize: ${assumedSize})`;
}

/** `@listSize(slicingArguments: [argument])`: the list holds at most as many items as the Int argument asks. */
export function listSizeFromArgument(argument: string): string {
  return `@listSize(slicingArguments: ["${argument}"], requireOneSlicingArgument: false)`;
}

/**
 * `@cost(weight: n)` (same specification): the field's work is about `n` times that of one plain
 * field, so the gateway's estimate counts `n` for it instead of 1. In an answer over asked
 * gemeenten the weight is per gemeente, like list sizes. The weights of the graph come from a
 * measurement of each answer against a plain list (scripts/measure-cost-weights.ts,
 * docs/demand-control.md "Weights"); set one only from such a measurement.
 */
export function cost(weight: number): string {
  if (!Number.isInteger(weight) || weight < 0) throw new Error(`cost: ${weight} is not a weight`);
  return `@cost(weight: ${weight})`;
}
