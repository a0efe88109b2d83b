import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema, type GraphQLNamedType } from 'graphql';

/**
 * Cooperative time slicing of GraphQL execution (issue 11: no single admitted operation may hold a
 * process's event loop for long).
 *
 * graphql-js completes a field whose resolver returns a value in the same synchronous stretch, and
 * continues after a resolved promise on the microtask queue: neither lets the event loop serve I/O,
 * so one operation of 100,000 fields (a costly answer over twelve gemeenten) held a subgraph's loop
 * for up to 650 ms while a trivial lookup from another caller waited for its socket to be read.
 *
 * Every field resolver of the schema is wrapped once: when the stretch of work the event loop is
 * in (this turn: synchronous code plus its microtasks) has run longer than the slice, the field
 * waits for `setImmediate` before it resolves. The loop then polls I/O first, so a request that
 * arrived meanwhile is read and started before the costly execution goes on. The slice is per
 * process, not per operation: two executions that continue in one turn share it.
 *
 * Written by hand: graphql-js has no hook between fields, and a type-graphql global middleware
 * would run its promise-based chain for every field of every answer.
 */

/** Default longest stretch of execution before it lets the event loop serve I/O, in ms. */
export const DEFAULT_SLICE_MS = 5;

/**
 * How many field resolutions pass between two looks at the clock: a look costs a
 * `performance.now()`, and a field's own work is far less than a millisecond, so the slice is
 * overrun by at most this many fields.
 */
const FIELDS_PER_LOOK = 32;

interface Slice {
  /** When the current turn's first field ran (performance.now()). */
  start: number;
  open: boolean;
  /** Which slice this is: a close scheduled for an earlier one does not close it. */
  generation: number;
  /** Once the turn has run its slice, every further field of it waits for a later turn. */
  spent: boolean;
  /** Fields resolved since the last look at the clock. */
  fields: number;
  /** The slice length of the schema that looked last. */
  ms: number;
}

const slice: Slice = { start: 0, open: false, generation: 0, spent: false, fields: 0, ms: DEFAULT_SLICE_MS };

/**
 * Opens a slice and schedules its close for when this stretch of work is over: an immediate runs
 * after this turn's synchronous code and microtasks; a timer (due after 1 ms, and a spent slice is
 * older) runs before the loop next polls I/O, so a request that arrives then starts a fresh slice.
 */
function openSlice(): void {
  const generation = ++slice.generation;
  const close = () => {
    if (slice.generation === generation) slice.open = false;
  };
  slice.open = true;
  slice.spent = false;
  slice.fields = 0;
  slice.start = performance.now();
  setImmediate(close);
  setTimeout(close, 0);
}

/**
 * Whether the current turn of the event loop has run GraphQL fields for longer than `sliceMs`.
 * The first call in a turn opens a slice, so an idle process never yields. Once spent, the turn
 * stays spent: graphql-js goes on to the next row of a list when one row's field waits, so every
 * field after it must wait too.
 */
export function sliceSpent(sliceMs: number): boolean {
  slice.ms = sliceMs;
  if (!slice.open) {
    openSlice();
    return false;
  }
  if (slice.spent) return true;
  if (++slice.fields < FIELDS_PER_LOOK) return false;
  slice.fields = 0;
  slice.spent = performance.now() - slice.start >= sliceMs;
  return slice.spent;
}

/** Fields waiting for a turn, oldest first (the operation that waited longest goes on first): each one's go. */
let waiting: (() => void)[] = [];
let resumeScheduled = false;
/** How many waiting fields one turn resumes: halved when a turn ran past its slice, doubled when it used less than half. */
let batch = FIELDS_PER_LOOK;
const MAX_BATCH = 1 << 16;
/** When the last turn of resumed fields started (performance.now()), 0 before the first. */
let lastResume = 0;

/**
 * Lets the oldest waiting fields go on, in a fresh slice; the rest wait for the next turn. A field
 * that goes on runs (with its subfields, which look at the same slice) on the microtask queue
 * after this, in its own async context, so the turn's length is known only at the next one: the
 * batch follows it. The time between two turns includes the I/O served between them, so under
 * load the batch only gets smaller.
 */
function resume(): void {
  resumeScheduled = false;
  const now = performance.now();
  if (lastResume > 0) {
    const took = now - lastResume;
    if (took > slice.ms) batch = Math.max(FIELDS_PER_LOOK, batch >> 1);
    else if (took < slice.ms / 2) batch = Math.min(MAX_BATCH, batch << 1);
  }
  openSlice();
  const go = waiting.length <= batch ? waiting : waiting.slice(0, batch);
  waiting = go === waiting ? [] : waiting.slice(batch);
  for (const next of go) next();
  lastResume = waiting.length > 0 ? now : 0;
  if (waiting.length > 0) scheduleResume();
}

function scheduleResume(): void {
  if (resumeScheduled) return;
  resumeScheduled = true;
  setImmediate(resume);
}

/**
 * Runs `run` in a later turn of the event loop, after pending I/O was polled. It runs as the
 * continuation of a promise made here, so in the async context it was asked in (the request's
 * trace), not in the one of the field that scheduled the turn.
 */
export function inLaterTurn<T>(run: () => T): Promise<T> {
  const turn = new Promise<void>((go) => {
    waiting.push(go);
    scheduleResume();
  });
  return turn.then(run);
}

/**
 * graphql's `isObjectType` by its tag: @apollo/subgraph builds the schema with graphql's CommonJS
 * build, and `instanceof` across the two builds fails.
 */
function isObjectType(type: GraphQLNamedType): type is GraphQLObjectType {
  return Object.prototype.toString.call(type) === '[object GraphQLObjectType]';
}

/** Marks a resolver as wrapped, so that a schema is sliced once. */
const SLICED = Symbol('time-sliced');

/**
 * Wraps every field resolver of `schema` (in place) so that execution yields to the event loop
 * once the turn has run longer than `sliceMs`. A field that does not yield costs one counter
 * increment; one in `FIELDS_PER_LOOK` also reads the clock.
 */
export function sliceExecution(schema: GraphQLSchema, sliceMs: number = DEFAULT_SLICE_MS): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown> & { [SLICED]?: true };
      if (resolve[SLICED]) continue;
      // A field that waited resolves in a later turn without looking again (each field waits at
      // most once, so the work stays linear); the fields below it look again.
      const sliced: GraphQLFieldResolver<unknown, unknown> & { [SLICED]?: true } = (source, args, context, info) =>
        sliceSpent(sliceMs) ? inLaterTurn(() => resolve(source, args, context, info)) : resolve(source, args, context, info);
      sliced[SLICED] = true;
      field.resolve = sliced;
    }
  }
  return schema;
}
