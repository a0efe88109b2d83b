/**
 * The Node flags the gateway's own process starts with: `npm run gateway`, `npm start --processes`,
 * the containers (docker/compose.yaml and docker/kubernetes set them as NODE_OPTIONS) and
 * `npm run bench`. The one process of `npm start` holds the subgraphs too, so it does not start with
 * these; its gateway's worker thread gets the same old-generation cap as a resource limit
 * (scripts/graph-in-one-process.ts).
 *
 * The old generation of the heap capped at 384 MiB. Without a cap V8 sizes the heap for the machine
 * (4 GiB on a machine of 16 GiB or more) and then lets the old generation grow to up to four times
 * what is live before it collects (its growing factor scales from 1.3 for a heap of 256 MiB to 4
 * at 2 GiB and above). The gateway keeps little alive: the schema, the query plans, the requests in
 * flight; admission control lets one costly operation run at a time, its answer at most
 * MAX_RESPONSE_BYTES (16 MiB), cheap ones have small answers. So under load the machine-sized
 * default holds hundreds of MiB of garbage: in the benchmark (scripts/bench.ts) the same requests
 * ran at about two thirds of the peak RSS with this cap, at the same CPU per request. 384 MiB
 * leaves room for several answers of the largest size at once, and fits the pod's memory limit of
 * 512 MiB (docker/kubernetes/base/gateway.yaml) with the rest of the process, where an uncapped
 * heap would let the kernel stop the pod before V8 collects. docker/docker.test.ts checks that the
 * containers and `npm run gateway` start with exactly these.
 *
 * A larger young generation (`--max-semi-space-size`, V8's default 16 MiB here) was tried and left
 * out: fewer scavenges, but each copies the same survivors, so hardly less GC time, and more RSS.
 * Benchmark shape, executions one after the other in one process (load average 8-10): GC per
 * execution 1.26-1.41 ms, with 32 MiB 1.22-1.25 ms, with 64 MiB 1.12-1.17 ms (0.28, 0.15, 0.09
 * scavenges), peak RSS 244-274, 276-290, 333-345 MiB; `scripts/bench-profile.ts --mode identical
 * --node-flag=--max-semi-space-size=32` alternating with the default in one sitting (load 7-9): CPU
 * per request 0.708 and 0.601 ms against 0.690 and 0.514 ms without.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-old-space-size=384'];
