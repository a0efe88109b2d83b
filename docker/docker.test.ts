/**
 * The static check of docker/ (no container engine runs here): the Dockerfile, compose.yaml and the Kubernetes
 * manifests agree with the code (ports, probe paths, the variables it reads), the manifests are valid against the
 * Kubernetes schemas (kubernetes-models, which bundles them with a validator), and the image is multi-stage,
 * non-root and without dev dependencies.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_PORT, REPO_ROOT, SUBGRAPHS } from '@sociaal-graph/toolkit';
import { GATEWAY_NODE_FLAGS } from '../gateway/src/node-flags.js';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const KUBERNETES = 'docker/kubernetes/base';
const envName = (subgraph: string, suffix: string) => `${subgraph.toUpperCase()}_${suffix}`;

// ---------------------------------------------------------------------------------------------
// What the code reads and serves, found in the code itself.

/** Source files whose environment reads count: everything that runs, not the tests. */
function sourceFiles(): string[] {
  const roots = ['gateway/src', 'scripts', ...readdirSync(join(REPO_ROOT, 'subgraphs')).flatMap((name) => [`subgraphs/${name}/src`, `subgraphs/${name}/demo`])];
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(join(REPO_ROOT, dir))) return;
    for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'testing' && entry.name !== 'node_modules') walk(path);
      } else if (path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.test-utils.ts')) files.push(path);
    }
  };
  roots.forEach(walk);
  return files;
}

/**
 * Every environment variable the code reads: `env.NAME`, `env['NAME']`, `process.env.NAME`, a helper called
 * with `(env, 'NAME'`, and the per-subgraph families `<NAME>_PORT` and `<NAME>_URL` read by template.
 */
function variablesTheCodeReads(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles()) {
    const text = read(file);
    for (const match of text.matchAll(/\benv(?:\.|\[['"])([A-Z][A-Z0-9_]+)/g)) found.add(match[1]);
    for (const match of text.matchAll(/\(env, '([A-Z][A-Z0-9_]+)'/g)) found.add(match[1]);
    // `${name.toUpperCase()}_PORT`, `..._METRICS_PORT`: one variable per subgraph.
    for (const match of text.matchAll(/toUpperCase\(\)\}_([A-Z][A-Z0-9_]*)`/g)) for (const { name } of SUBGRAPHS) found.add(envName(name, match[1]));
    if (/_URL\$\//.test(text)) for (const { name } of SUBGRAPHS) found.add(envName(name, 'URL'));
  }
  return found;
}

/** Set by something else than a person: npm itself, or a script for its own child process. */
// Set by npm, or by a benchmark script for the processes it starts itself (never by an operator).
const NOT_FOR_OPERATORS = new Set(['INIT_CWD', 'BENCH_STUURINFORMATIE_CHILD', 'BENCH_LOADING_CHILD', 'BENCH_SUPERGRAPH', 'BENCH_PORT', 'BENCH_PORTS']);

/** README's "used by" column of the "Environment variables" table, per variable. */
function readmeUsedBy(): Map<string, string> {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Environment variables'));
  const usedBy = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    for (const match of (cells[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]+)`/g)) usedBy.set(match[1], cells[2]);
  }
  return usedBy;
}

/** The first column of README's "Environment variables" table; `A_PORT` ... `B_PORT` stands for every subgraph. */
function variablesInReadme(): Set<string> {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Environment variables'));
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const cell = /^\| (`[^|]+`) \|/.exec(line)?.[1];
    if (!cell) continue;
    const inCell = [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]);
    if (cell.includes('...')) {
      // `GEMEENTEN_METRICS_PORT` ... `INKOOP_METRICS_PORT`: what follows the first subgraph's name.
      const first = `${SUBGRAPHS[0].name.toUpperCase()}_`;
      if (!inCell[0].startsWith(first)) throw new Error(`README env table: "${cell}" should start with ${first}`);
      const suffix = inCell[0].slice(first.length);
      for (const { name } of SUBGRAPHS) names.add(envName(name, suffix));
    } else inCell.forEach((name) => names.add(name));
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// docker/Dockerfile

const dockerfile = DockerfileParser.parse(read('docker/Dockerfile'));
const stages = (() => {
  const result: { name?: string; image: string; instructions: Instruction[] }[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const args = instruction.getArguments().map((arg) => arg.getValue());
      result.push({ image: args[0], name: args[2], instructions: [] });
    } else result.at(-1)?.instructions.push(instruction);
  }
  return result;
})();
const argument = (instruction: Instruction) => instruction.getArgumentsContent() ?? '';
/** `--from=<stage>` of a COPY, if any. */
const copiedFrom = (instruction: Instruction) =>
  'getFlags' in instruction ? (instruction as unknown as { getFlags(): { getName(): string; getValue(): string | null }[] }).getFlags().find((flag) => flag.getName() === 'from')?.getValue() ?? undefined : undefined;

describe('docker/Dockerfile', () => {
  const runtime = stages.at(-1)!;
  const keyword = (stage: (typeof stages)[number], name: string) => stage.instructions.filter((instruction) => instruction.getKeyword() === name);

  it('is multi-stage on Node 20, and the runtime stage runs as a user other than root', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const nodeImage = dockerfile.getInstructions().find((instruction) => instruction.getKeyword() === 'ARG' && argument(instruction).startsWith('NODE_IMAGE='));
    expect(argument(nodeImage!)).toMatch(/^NODE_IMAGE=node:20[.\-]/);
    for (const stage of stages) expect(stage.image).toBe('${NODE_IMAGE}');
    const users = keyword(runtime, 'USER').map(argument);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('installs the production dependencies with npm ci --omit=dev, and the runtime takes node_modules only from there', () => {
    const omitDev = stages.filter((stage) => keyword(stage, 'RUN').some((run) => /npm ci\b.*--omit=dev/.test(argument(run))));
    expect(omitDev.length).toBe(1);
    const fromDeps = keyword(runtime, 'COPY').filter((copy) => copiedFrom(copy) === omitDev[0].name);
    expect(fromDeps.length).toBeGreaterThan(0);
    // Every other stage's files reach the runtime only from its compiled output, never a node_modules with dev tools.
    for (const copy of keyword(runtime, 'COPY').filter((instruction) => copiedFrom(instruction))) {
      if (copiedFrom(copy) !== omitDev[0].name) expect(argument(copy)).toMatch(/^\S*\/dist\/?\s/);
    }
    expect(keyword(runtime, 'RUN').map(argument).join('\n')).not.toMatch(/npm (ci|install)/);
  });

  it('copies every workspace manifest that npm ci needs, and only files that exist', () => {
    const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces.flatMap((pattern) =>
      pattern.endsWith('/*') ? readdirSync(join(REPO_ROOT, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -2)}/${name}`) : [pattern],
    ).filter((dir) => existsSync(join(REPO_ROOT, dir, 'package.json')));
    const copies = stages[0].instructions.filter((instruction) => instruction.getKeyword() === 'COPY').map(argument);
    for (const dir of workspaces) expect(copies).toContain(`${dir}/package.json ${dir}/`);
    for (const stage of stages) {
      for (const copy of keyword(stage, 'COPY').filter((instruction) => !copiedFrom(instruction)).map(argument)) {
        for (const source of copy.split(/\s+/).slice(0, -1)) expect(existsSync(join(REPO_ROOT, source)), source).toBe(true);
      }
    }
  });

  it('runs the compiled entry point, which knows the gateway and every subgraph, and exposes their ports', () => {
    expect(argument(keyword(runtime, 'ENTRYPOINT')[0])).toBe('["node", "--conditions=compiled", "scripts/serve.js"]');
    const serve = read('scripts/serve.ts');
    expect(serve).toContain("'../gateway/src/main.js'");
    expect(serve).toContain('`../subgraphs/${name}/src/index.js`');
    for (const { name } of SUBGRAPHS) expect(existsSync(join(REPO_ROOT, `subgraphs/${name}/src/index.ts`))).toBe(true);
    const exposed = keyword(runtime, 'EXPOSE').flatMap((expose) => argument(expose).split(/\s+/)).map(Number);
    for (const port of [DEFAULT_GATEWAY_PORT, ...SUBGRAPHS.map((entry) => entry.defaultPort)]) expect(exposed).toContain(port);
    // The build compiles what the entry point imports, and the toolkit resolves to that build under the condition.
    const build = parseYaml(read('tsconfig.build.json')) as { include: string[] };
    expect(build.include).toEqual(expect.arrayContaining(['scripts/serve.ts', 'gateway/src', 'subgraphs/*/src']));
    const toolkit = JSON.parse(read('subgraphs/toolkit/package.json')) as { exports: Record<string, unknown> };
    expect(toolkit.exports['.']).toEqual({ compiled: './src/index.js', default: './src/index.ts' });
  });
});

// ---------------------------------------------------------------------------------------------
// The endpoints the probes use exist in the code.

/**
 * The gateway's readiness path: `/ready` where the gateway serves one (supergraph loaded, subgraphs known),
 * else its liveness `/health`. The probes must use the path the code has, so this follows the code.
 */
const GATEWAY_READY_PATH = sourceFiles()
  .filter((file) => file.startsWith('gateway/src/'))
  .some((file) => read(file).includes("'/ready'"))
  ? '/ready'
  : '/health';

describe('health endpoints in the code', () => {
  it('every subgraph and the gateway serve /health', () => {
    expect(read('subgraphs/toolkit/src/start-subgraph.ts').includes("'/health'"), 'subgraph /health').toBe(true);
    const gateway = sourceFiles().filter((file) => file.startsWith('gateway/src/')).map(read).join('\n');
    expect(gateway.includes("'/health'"), 'gateway /health').toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// docker/compose.yaml

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  ports?: string[];
  depends_on?: Record<string, unknown>;
}
const compose = parseYaml(read('docker/compose.yaml'), { merge: true }) as { services: Record<string, ComposeService> };

describe('docker/compose.yaml', () => {
  it('runs PostgreSQL, Redis, the seven subgraphs and the gateway', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'postgres', 'redis', ...SUBGRAPHS.map((entry) => entry.name)].sort());
  });

  it('starts each subgraph by name on its port, on PostgreSQL, and checks its /health there', () => {
    for (const { name, defaultPort } of SUBGRAPHS) {
      const service = compose.services[name];
      expect(service.command).toEqual([name]);
      expect(service.environment?.[envName(name, 'PORT')]).toBe(String(defaultPort));
      expect(service.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(service.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${defaultPort}/health`);
      expect(service.ports, `${name} is reachable through the gateway only`).toBeUndefined();
    }
  });

  it('points the gateway at every subgraph by service name, checks its readiness, publishes on loopback only', () => {
    const gateway = compose.services.gateway;
    expect(gateway.command).toEqual(['gateway']);
    for (const { name, defaultPort } of SUBGRAPHS) {
      expect(gateway.environment?.[envName(name, 'URL')]).toBe(`http://${name}:${defaultPort}/graphql`);
      expect(gateway.depends_on).toHaveProperty(name);
    }
    expect(gateway.environment?.GATEWAY_PORT).toBe(String(DEFAULT_GATEWAY_PORT));
    expect(gateway.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${DEFAULT_GATEWAY_PORT}${GATEWAY_READY_PATH}'`);
    expect(gateway.ports).toEqual([`127.0.0.1:${DEFAULT_GATEWAY_PORT}:${DEFAULT_GATEWAY_PORT}`]);
  });

  it('starts the gateway with its Node flags (its heap cap), as npm run gateway does; a subgraph without them', () => {
    expect(compose.services.gateway.environment?.NODE_OPTIONS).toBe(GATEWAY_NODE_FLAGS.join(' '));
    for (const { name } of SUBGRAPHS) expect(compose.services[name].environment?.NODE_OPTIONS, name).toBeUndefined();
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.gateway).toBe(`tsx ${GATEWAY_NODE_FLAGS.join(' ')} gateway/src/main.ts`);
  });

  it('takes every secret from the environment, with no default to fall back on', () => {
    const text = read('docker/compose.yaml');
    for (const secret of ['POSTGRES_PASSWORD', 'CALLER_ASSERTION_PRIVATE_KEY', 'CALLER_ASSERTION_PUBLIC_KEY', 'ACTOR_PSEUDONYM_SECRET', 'PSEUDONYM_SECRET']) {
      const uses = [...text.matchAll(new RegExp(`\\$\\{${secret}([^}]*)\\}`, 'g'))].map((match) => match[1]);
      expect(uses.length, secret).toBeGreaterThan(0);
      for (const use of uses) expect(use, secret).toMatch(/^:\?/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// docker/kubernetes/base

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: any };
interface Kustomization {
  resources: string[];
  configMapGenerator: { name: string; files?: string[]; envs?: string[] }[];
  secretGenerator: { name: string; envs: string[] }[];
}
const kustomization = parseYaml(read(`${KUBERNETES}/kustomization.yaml`)) as Kustomization;
const manifests: Manifest[] = kustomization.resources.flatMap((file) =>
  parseAllDocuments(read(`${KUBERNETES}/${file}`)).map((document) => document.toJS() as Manifest).filter(Boolean),
);
const find = (kind: string, name: string) => manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
const envFile = (file: string) =>
  Object.fromEntries(read(`${KUBERNETES}/${file}`).split('\n').filter((line) => /^[A-Z]/.test(line)).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
const container = (deployment: Manifest) => deployment.spec.template.spec.containers[0];
/** A Kubernetes memory quantity in bytes (`512Mi`, `1Gi`). */
const bytesOf = (quantity: string) => Number(/^(\d+)(Mi|Gi)$/.exec(quantity)?.[1]) * (quantity.endsWith('Gi') ? 1024 ** 3 : 1024 ** 2);
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([key, value]) => labels[key] === value);

describe('docker/kubernetes/base', () => {
  it('lists every manifest of its folder in kustomization.yaml', () => {
    const files = readdirSync(join(REPO_ROOT, KUBERNETES)).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('validates every manifest against the Kubernetes schemas', async () => {
    expect(manifests.length).toBeGreaterThan(0);
    for (const manifest of manifests) {
      const group = manifest.apiVersion.includes('/') ? manifest.apiVersion : manifest.apiVersion;
      const module = (await import(`kubernetes-models/${group}/${manifest.kind}`)) as Record<string, new (data: unknown) => { validate(): void }>;
      const Model = module[manifest.kind];
      expect(Model, `${manifest.apiVersion} ${manifest.kind}`).toBeDefined();
      expect(() => new Model(manifest).validate(), `${manifest.kind} ${manifest.metadata.name}`).not.toThrow();
    }
  });

  it('the validation can fail: a port that is not a number is refused', async () => {
    const { Deployment } = await import('kubernetes-models/apps/v1/Deployment');
    const broken = structuredClone(find('Deployment', 'gateway')!);
    container(broken).ports[0].containerPort = 'vierduizend';
    expect(() => new Deployment(broken as never).validate()).toThrow(/containerPort/);
  });

  it('runs each subgraph by name on its port, with /health probes on that port, requests and limits', () => {
    for (const { name, defaultPort } of SUBGRAPHS) {
      const deployment = find('Deployment', name)!;
      expect(deployment, name).toBeDefined();
      const main = container(deployment);
      expect(main.args).toEqual([name]);
      expect(main.ports.find((port: { name: string }) => port.name === 'graphql').containerPort).toBe(defaultPort);
      expect(main.env.find((env: { name: string }) => env.name === envName(name, 'PORT')).value).toBe(String(defaultPort));
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) expect(main[probe].httpGet, `${name} ${probe}`).toEqual({ path: '/health', port: 'graphql' });
      expect(main.resources.requests).toHaveProperty('cpu');
      expect(main.resources.limits).toHaveProperty('memory');
      const service = find('Service', name)!;
      expect(service.spec.ports.find((port: { name: string }) => port.name === 'graphql').port).toBe(defaultPort);
      expect(matches(service.spec.selector, deployment.spec.template.metadata.labels)).toBe(true);
    }
  });

  it('runs the gateway over every subgraph Service, probes readiness and /health, scales it and keeps it available', () => {
    const deployment = find('Deployment', 'gateway')!;
    const main = container(deployment);
    expect(main.args).toEqual(['gateway']);
    expect(main.ports.find((port: { name: string }) => port.name === 'http').containerPort).toBe(DEFAULT_GATEWAY_PORT);
    // Its heap cap (gateway/src/node-flags.ts) below the pod's memory limit.
    expect(main.env.find((env: { name: string }) => env.name === 'NODE_OPTIONS')?.value).toBe(GATEWAY_NODE_FLAGS.join(' '));
    const heapMib = Number(/--max-old-space-size=(\d+)/.exec(GATEWAY_NODE_FLAGS.join(' '))?.[1]);
    expect(heapMib * 1024 * 1024).toBeLessThan(bytesOf(main.resources.limits.memory));
    expect(main.readinessProbe.httpGet).toEqual({ path: GATEWAY_READY_PATH, port: 'http' });
    expect(main.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(main.resources.requests).toHaveProperty('cpu');
    expect(main.resources.limits).toHaveProperty('memory');
    const env = Object.fromEntries(main.env.filter((entry: { value?: string }) => entry.value).map((entry: { name: string; value: string }) => [entry.name, entry.value]));
    for (const { name, defaultPort } of SUBGRAPHS) expect(env[envName(name, 'URL')]).toBe(`http://${name}:${defaultPort}/graphql`);

    // The supergraph comes from the ConfigMap, mounted as a folder so that updates reach the pod.
    const mount = main.volumeMounts.find((volume: { name: string }) => volume.name === 'supergraph');
    expect(mount.subPath).toBeUndefined();
    expect(env.SUPERGRAPH_PATH).toBe(`${mount.mountPath}/supergraph.graphql`);
    const volume = deployment.spec.template.spec.volumes.find((entry: { name: string }) => entry.name === 'supergraph');
    const supergraphMap = kustomization.configMapGenerator.find((generator) => generator.name === volume.configMap.name)!;
    expect(supergraphMap.files).toEqual(['supergraph.graphql']);
    expect(read(`${KUBERNETES}/supergraph.graphql`), 'run `npm run compose`').toBe(read('supergraph.graphql'));

    const hpa = find('HorizontalPodAutoscaler', 'gateway')!;
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const pdb = find('PodDisruptionBudget', 'gateway')!;
    expect(matches(pdb.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
    expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
  });

  it('lets only the gateway reach a subgraph', () => {
    const policies = manifests.filter((manifest) => manifest.kind === 'NetworkPolicy');
    const gatewayLabels = find('Deployment', 'gateway')!.spec.template.metadata.labels;
    for (const { name, defaultPort } of SUBGRAPHS) {
      const labels = find('Deployment', name)!.spec.template.metadata.labels;
      const covering = policies.filter((policy) => matches(policy.spec.podSelector.matchLabels, labels) && policy.spec.policyTypes.includes('Ingress'));
      expect(covering.length, name).toBeGreaterThan(0);
      // Every rule that opens the subgraph's own port admits gateway pods and nothing else.
      for (const rule of covering.flatMap((policy) => policy.spec.ingress)) {
        const opens = rule.ports.some((port: { port: number; endPort?: number }) => port.port <= defaultPort && defaultPort <= (port.endPort ?? port.port));
        if (!opens) continue;
        expect(rule.from.length).toBeGreaterThan(0);
        for (const peer of rule.from) {
          expect(peer.namespaceSelector).toBeUndefined();
          expect(peer.ipBlock).toBeUndefined();
          expect(matches(peer.podSelector.matchLabels, gatewayLabels)).toBe(true);
        }
      }
    }
  });

  it('takes keys from the Secret and settings from the ConfigMap that kustomize generates', () => {
    const secretKeys = Object.keys(envFile('secrets.env.example'));
    const [secret] = kustomization.secretGenerator;
    const configNames = kustomization.configMapGenerator.map((generator) => generator.name);
    for (const deployment of manifests.filter((manifest) => manifest.kind === 'Deployment')) {
      const main = container(deployment);
      for (const entry of main.env.filter((env: { valueFrom?: unknown }) => env.valueFrom)) {
        expect(entry.valueFrom.secretKeyRef.name).toBe(secret.name);
        expect(secretKeys).toContain(entry.valueFrom.secretKeyRef.key);
      }
      for (const source of main.envFrom) expect(configNames).toContain(source.configMapRef.name);
      expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(main.securityContext.allowPrivilegeEscalation).toBe(false);
    }
    expect(read('.gitignore')).toContain('docker/kubernetes/**/secrets.env');
    // No value in the example is a usable secret.
    for (const key of ['CALLER_ASSERTION_PRIVATE_KEY', 'CALLER_ASSERTION_PUBLIC_KEY', 'ACTOR_PSEUDONYM_SECRET', 'PSEUDONYM_SECRET']) expect(envFile('secrets.env.example')[key]).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------
// Every variable: read by the code, documented, and set where it runs.

describe('environment variables', () => {
  const read_ = variablesTheCodeReads();
  const documented = variablesInReadme();

  it('finds the variables the code reads (the finder can fail)', () => {
    for (const name of ['DATABASE_URL', 'GATEWAY_PORT', 'MAX_QUERY_COST', 'DEMO_SCALE', 'WMO_PORT', 'INKOOP_URL', 'CALLER_ASSERTION_PRIVATE_KEY', 'CALLER_ASSERTION_PUBLIC_KEY', 'ACTOR_PSEUDONYM_SECRET']) expect(read_).toContain(name);
  });

  it('documents every variable the code reads in README "Environment variables"', () => {
    // A helper called with a prefix (`callerLimits(env, 'RATE_LIMIT', ...)`) reads `RATE_LIMIT_*`: documented as those.
    const isDocumented = (name: string) => documented.has(name) || [...documented].some((other) => other.startsWith(`${name}_`));
    const undocumented = [...read_].filter((name) => !isDocumented(name) && !NOT_FOR_OPERATORS.has(name));
    expect(undocumented).toEqual([]);
  });

  it('sets in compose and the manifests only variables the code reads or README documents (no typos)', () => {
    const known = new Set([...read_, ...documented]);
    const set = new Set<string>();
    for (const service of Object.values(compose.services).filter((service) => service.command)) Object.keys(service.environment ?? {}).forEach((name) => set.add(name));
    for (const deployment of manifests.filter((manifest) => manifest.kind === 'Deployment')) container(deployment).env.forEach((env: { name: string }) => set.add(env.name));
    Object.keys(envFile('config.env')).forEach((name) => set.add(name));
    Object.keys(envFile('secrets.env.example')).forEach((name) => set.add(name));
    expect([...set].filter((name) => !known.has(name))).toEqual([]);
  });

  it('gives every secret the code reads to every process that uses it (README "used by"), from the environment or the Secret', () => {
    // A secret: a key or password, or a connection string that carries one.
    const secrets = [...read_].filter((name) => /(_SECRET|_KEY)$/.test(name) || name === 'DATABASE_URL');
    expect(secrets).toEqual(expect.arrayContaining(['PSEUDONYM_SECRET', 'DATABASE_URL']));
    const usedBy = readmeUsedBy();
    const secretKeys = Object.keys(envFile('secrets.env.example'));
    for (const secret of secrets) {
      const users = usedBy.get(secret) ?? '';
      const processes = [
        ...(/gateway|all/.test(users) ? ['gateway'] : []),
        ...(/subgraphs|all/.test(users) ? SUBGRAPHS.map((entry) => entry.name) : []),
      ];
      expect(processes.length, `README names who uses ${secret}`).toBeGreaterThan(0);
      for (const name of processes) {
        const composed = compose.services[name].environment?.[secret];
        expect(composed, `compose: ${name} ${secret}`).toMatch(/\$\{[A-Z_]+:\?/);
        const env = container(find('Deployment', name)!).env.find((entry: { name: string }) => entry.name === secret);
        expect(env?.valueFrom?.secretKeyRef?.key, `kubernetes: ${name} ${secret}`).toBe(secret);
        expect(secretKeys).toContain(secret);
      }
    }
  });
});
