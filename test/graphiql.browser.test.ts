import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGraph, startGraph } from './graph.test-utils.js';

// An analyst's session in GraphiQL, in Debian's Chromium (CI installs it; .ci/run): obtain a
// development token, open a saved example, run it, read the answer from the page.
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const EXAMPLE = 'analist/wmo-per-productcategorie-huizen';

let graph: RunningGraph;
let origin: string;
let profile: string;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  // A missing browser is a broken machine, not a reason to skip the only test of the page.
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium" (.ci/run does)`);
  graph = await startGraph();
  origin = new URL(graph.gateway.url).origin;
  profile = await mkdtemp(join(tmpdir(), 'sociaal-graph-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  browser = context.browser() ?? undefined;
  context.on('request', (request) => requested.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await graph?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/**
 * How long a poll waits for the page to show a change (vitest's default is 1 s). A first visit loads the editor,
 * and on a busy machine (CI runs the suite with other files in parallel) showing an example took longer than 1 s.
 */
const UI_WAIT = { timeout: 15_000 };

describe('GraphiQL for analysts', () => {
  it('runs a saved example with a development token and shows its data', async () => {
    await page.goto(`${origin}/`);
    // The examples panel is open on a first visit; opening one fetches a token of its group's role and organisation.
    await page.locator(`[data-operatie="${EXAMPLE}"]`).click();
    await expect.poll(() => page.locator('#token-status').textContent(), UI_WAIT).toContain('token voor dit voorbeeld: analist bij 0406');
    expect(await page.locator('#dev-role').inputValue()).toBe('analist');
    expect(await page.locator('#dev-org').inputValue()).toBe('0406');
    await expect.poll(() => editorText(page, '.graphiql-query-editor'), UI_WAIT).toContain('query WmoPerProductcategorieHuizen');

    await page.locator('#dev-token-button').click();
    await expect.poll(() => page.locator('#token-status').textContent(), UI_WAIT).toContain('analist bij 0406');
    expect((await page.locator('#token').inputValue()).split('.')).toHaveLength(3);

    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 30_000 }).toContain('"ditJaar"');
    const shown = JSON.parse(await editorText(page, '.graphiql-response')) as { data?: Record<string, unknown>; errors?: unknown };
    expect(await page.locator('#answer-caller').textContent()).toBe('antwoord voor: analist bij 0406');

    // The page shows what the gateway answers the same operation for the same role and organisation.
    const expected = await graph.query(await savedOperation(EXAMPLE), undefined, await graph.token({ role: 'analist', org: '0406' }));
    expect(shown.errors).toBeUndefined();
    expect(shown.data).toEqual(expected.data);
    const rows = shown.data?.ditJaar as { gemeente: { naam: string }; totaal: boolean; aantalToewijzingen: { waarde: number | null } }[];
    const total = rows.find((row) => row.totaal);
    expect(total?.gemeente.naam).toBe('Huizen');
    expect(total?.aantalToewijzingen.waarde).toBeGreaterThan(0);

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'graphiql.png') });
  });

  it("switches to the token of another group's example, and says whom the answer was made for", async () => {
    await page.locator('[data-operatie="inkoper/declaratiegedrag-wmo"]').click();
    await expect.poll(() => page.locator('#token-status').textContent(), UI_WAIT).toContain('token voor dit voorbeeld: inkoper bij regio-gv');
    await expect.poll(() => editorText(page, '.graphiql-query-editor'), UI_WAIT).toContain('declaratiegedrag');
    await page.locator('.graphiql-execute-button').click();
    // Generous waits: a steering answer on a loaded two-core CI machine can take tens of seconds; this waits, it does not time.
    await expect.poll(() => page.locator('#answer-caller').textContent(), { timeout: 90_000 }).toBe('antwoord voor: inkoper bij regio-gv');
    await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 90_000 }).toContain('"data"');
    const shown = JSON.parse(await editorText(page, '.graphiql-response')) as { errors?: unknown };
    expect(shown.errors).toBeUndefined();
  }, 240_000);

  it('shows the schema documentation', async () => {
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await expect.poll(() => docs.textContent(), UI_WAIT).toContain('Query');
    await docs.getByText('Query', { exact: true }).first().click();
    await expect.poll(() => docs.textContent(), UI_WAIT).toContain('wmoToewijzingenPerProductcategorie');
  });

  it('made no request outside 127.0.0.1', () => {
    expect(requested.length).toBeGreaterThan(5);
    const outside = requested.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
    expect(outside).toEqual([]);
  });
});

/** The text of a GraphiQL editor (CodeMirror 5 keeps it on the element). */
function editorText(page: Page, selector: string): Promise<string> {
  return page.evaluate((within) => {
    const element = document.querySelector(`${within} .CodeMirror`) as (Element & { CodeMirror?: { getValue(): string } }) | null;
    return element?.CodeMirror?.getValue() ?? '';
  }, selector);
}

async function savedOperation(name: string): Promise<string> {
  return readFile(fileURLToPath(new URL(`../gateway/graphiql/operations/${name}.graphql`, import.meta.url)), 'utf8');
}
