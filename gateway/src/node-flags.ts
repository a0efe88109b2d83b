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
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-old-space-size=384'];
