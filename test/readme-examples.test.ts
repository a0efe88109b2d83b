/**
 * Every example of the README runs as written, with the token it names, and shows something (issue 12): the
 * shell examples (a ```sh block that calls the gateway with curl) run in bash against the shared graph, their
 * `npm run -s token` minting with the graph's own development issuer (DATA_DIR); each GraphQL example is sent
 * with the token its paragraph names (`npm run -s token -- --role R --org O`), or none where it names none.
 * An answer with an error, or with an empty list anywhere, means the example does not show what it promises.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@sociaal-graph/toolkit';
import { describe, expect, it } from 'vitest';
import { useGraph } from './graph.test-utils.js';

const run = promisify(execFile);
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const DOCUMENTED_GATEWAY = 'http://127.0.0.1:4000';

interface Example {
  readonly language: string;
  readonly code: string;
  /** The line in README.md where the block starts, for the failure message. */
  readonly line: number;
  /** The text between the previous block and this one: where an example names its token. */
  readonly before: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  const pattern = /^```(\w*)\n([\s\S]*?)^```$/gm;
  let previousEnd = 0;
  for (const match of README.matchAll(pattern)) {
    found.push({ language: match[1], code: match[2], line: README.slice(0, match.index).split('\n').length, before: README.slice(previousEnd, match.index) });
    previousEnd = match.index + match[0].length;
  }
  return found;
}

/**
 * Shell examples that ask the running graph with a token: a curl to the gateway, or a client example
 * (`npx tsx clients/...`, which reads GRAPHQL_URL). Others (npm start, docker, kubectl, a Redis of one's own)
 * do not talk to the graph this test runs.
 */
const shellExamples = examples().filter(
  (example) =>
    example.language === 'sh' &&
    example.code.includes('npm run -s token') &&
    (example.code.includes(`curl -s ${DOCUMENTED_GATEWAY}/graphql`) || example.code.includes('npx tsx clients/')) &&
    !/REDIS_URL=|docker |kubectl /.test(example.code),
);
const graphqlExamples = examples().filter((example) => example.language === 'graphql');
/** The bulk import's examples (`npm run import`): they need the graph stopped (PGlite), so they run in an installation of their own. */
const importExamples = examples().filter((example) => example.language === 'sh' && example.code.includes('npm run import'));

/** The token a GraphQL example's paragraph names, or undefined where it names none (public data). */
function namedToken(example: Example): { role: string; org: string } | undefined {
  const named = [...example.before.matchAll(/npm run -s token -- --role (\w+) --org ([\w-]+)/g)];
  if (named.length > 1) throw new Error(`README.md:${example.line}: the paragraph names ${named.length} tokens; name one`);
  return named[0] && { role: named[0][1], org: named[0][2] };
}

/** Paths in an answer where a list is empty: a part of the example that shows nothing. */
/**
 * The lists of an answer that are empty wherever they occur: `items[].declaraties` counts as shown when
 * one of the items has declaraties. Which rows come first depends on the run's keyed ids (the pseudonym
 * secret is random per run), and a toewijzing without declaraties yet is a true answer, not a broken example.
 */
function emptyLists(value: unknown): string[] {
  const filled = new Map<string, boolean>();
  const walk = (item: unknown, path: string): void => {
    if (Array.isArray(item)) {
      filled.set(path, (filled.get(path) ?? false) || item.length > 0);
      for (const element of item) walk(element, `${path}[]`);
    } else if (item && typeof item === 'object') {
      for (const [key, field] of Object.entries(item)) walk(field, `${path}.${key}`);
    }
  };
  walk(value, 'data');
  return [...filled].filter(([, isFilled]) => !isFilled).map(([path]) => path);
}

describe('README examples', () => {
  const graph = useGraph();

  it('finds the examples (the extraction can fail)', () => {
    expect(shellExamples.length).toBeGreaterThanOrEqual(3);
    expect(graphqlExamples.length).toBeGreaterThanOrEqual(5);
    expect(importExamples.length).toBeGreaterThanOrEqual(1);
  });

  it.each(shellExamples.map((example) => [example.line, example]))('shell example at README.md:%i runs as written', async (_line, example) => {
    const gateway = new URL(graph.gateway.url).origin;
    const script = `set -euo pipefail\n${example.code.replaceAll(DOCUMENTED_GATEWAY, gateway)}`;
    const env = { ...process.env, DATA_DIR: graph.dataDir, GRAPHQL_URL: graph.gateway.url };
    const { stdout } = await run('bash', ['-c', script], { cwd: REPO_ROOT, env, timeout: 300_000 });
    // A client example checks its own answers (and fails the script when one is wrong); a curl prints the answer.
    if (!example.code.includes('curl -s')) return;
    const answer = JSON.parse(stdout) as { data?: unknown; errors?: unknown[] };
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toBeTruthy();
    expect(emptyLists(answer.data)).toEqual([]);
    // As long as the script may run: the clients example starts four token and tsx processes, past 60 s at load average 20.
  }, 300_000);

  it.each(importExamples.map((example) => [example.line, example]))(
    'import example at README.md:%i runs as written in a new installation and stores every line',
    async (_line, example) => {
      // A new installation on PGlite (the demo world small, to be quick): what the README describes with the graph stopped.
      const dataDir = mkdtempSync(join(tmpdir(), 'readme-import-'));
      try {
        const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DEMO_SCALE: '0.01' };
        const { stdout } = await run('bash', ['-c', `set -euo pipefail\n${example.code}`], { cwd: REPO_ROOT, env, timeout: 900_000, maxBuffer: 16 * 1024 * 1024 });
        const commands = example.code.split('\n').filter((line) => line.startsWith('npm run import'));
        expect(stdout.match(/^(Import|Proef)/gm)).toHaveLength(commands.length);
        expect(stdout).not.toMatch(/geweigerd +[1-9]/);
        expect(stdout).toMatch(/^Import: declaraties van gemeente 0406/m);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    900_000,
  );

  it.each(graphqlExamples.map((example) => [example.line, example]))('GraphQL example at README.md:%i shows its data with the token it names', async (_line, example) => {
    const named = namedToken(example);
    const token = named && (await graph.token({ role: named.role as never, org: named.org }));
    const answer = await graph.query(example.code, undefined, token);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data).toBeTruthy();
    expect(emptyLists(answer.data)).toEqual([]);
  });
});
