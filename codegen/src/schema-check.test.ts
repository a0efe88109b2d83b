import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogEntry, checkAgainst, type ClientManifest } from './schema-check.js';
import { SUPERGRAPH_PATH } from './subgraph-list.js';

// Issue 13: a breaking change of the supergraph is caught with the client and operation it breaks.
const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
const manifests: ClientManifest[] = [
  { client: 'consulent', documents: { a: 'query InwonersMetMelding($gemeente: String!, $wet: Wet!) { inwoners(gemeente: $gemeente, wetten: [$wet]) { items { id leeftijdsklasse } } }' } },
  { client: 'regio', documents: { b: 'query RegioContracten { contracten(contractant: "regio-gv") { items { naam } } }' } },
];

/** The committed supergraph with one line of type `type` changed by `edit` (a fixture, not a file). */
function withEdit(type: string, edit: (block: string) => string): string {
  const start = committed.indexOf(`\ntype ${type}\n`);
  const end = committed.indexOf('\n}\n', start);
  expect(start).toBeGreaterThan(0);
  return committed.slice(0, start) + edit(committed.slice(start, end)) + committed.slice(end);
}

describe('checkAgainst', () => {
  it('fails on a removed field that a client operation selects, naming the client and the operation', async () => {
    const changed = withEdit('Inwoner', (block) => block.replace(/\n\s*"""[^\n]*"""\n\s*leeftijdsklasse: String[^\n]*/, ''));
    expect(changed).not.toContain('leeftijdsklasse: String @join__field(graph: TOEGANG)');
    const check = await checkAgainst(committed, changed, manifests);
    expect(check.fails).toBe(true);
    expect(check.changes).toEqual([
      expect.objectContaining({ level: 'BREAKING', path: 'Inwoner.leeftijdsklasse', breaks: ['consulent: InwonersMetMelding'] }),
    ]);
    expect(changelogEntry('fixture', check)).toMatch(/### Breaking\n\n- `Inwoner\.leeftijdsklasse`: .*\. Breaks consulent: InwonersMetMelding/);
  });

  it('fails on a removed enum value of a type a client sends, and on a new required argument of a field it selects', async () => {
    const noWmo = committed.replace(/\nenum Wet\n([\s\S]*?)\n}/, (block) => block.replace(/\n\s*"""[^"]*"""\n\s*WMO @join__enumValue[^\n]*/, ''));
    expect((await checkAgainst(committed, noWmo, manifests)).changes.find((change) => change.path === 'Wet.WMO')?.breaks).toEqual(['consulent: InwonersMetMelding']);
    const required = withEdit('Query', (block) => block.replace(/\n  contracten\(\n/, '\n  contracten(\n    verplicht: String!\n'));
    const check = await checkAgainst(committed, required, manifests);
    expect(check.changes.find((change) => change.path === 'Query.contracten.verplicht')).toMatchObject({ level: 'BREAKING', breaks: ['regio: RegioContracten'] });
  });

  it('reports a breaking change no client uses and a safe change without failing', async () => {
    const changed = withEdit('Inwoner', (block) => block.replace(/\n\s*"""[^\n]*"""\n\s*geslacht: Code[^\n]*/, '').concat('\n  """Nieuw."""\n  roepnaam: String'));
    const check = await checkAgainst(committed, changed, manifests);
    expect(check.fails).toBe(false);
    expect(check.changes.map((change) => [change.level, change.path, change.breaks])).toEqual(
      expect.arrayContaining([
        ['BREAKING', 'Inwoner.geslacht', []],
        ['SAFE', 'Inwoner.roepnaam', []],
      ]),
    );
  });

  it('finds no change between a supergraph and itself', async () => {
    const check = await checkAgainst(committed, committed, manifests);
    expect(check).toEqual({ changes: [], fails: false });
    expect(changelogEntry('zelf', check)).toBe('## zelf\n\nNo changes.\n');
  });
});
