import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext } from '../context.js';
import { type Database, openDatabase } from '../database.js';
import { Rol, Wet } from '../domain.js';
import { LOGBOEK_MIGRATIONS_DIR } from '../logboek/index.js';
import { runMigrations } from '../migrations.js';
import { type Principal, testPrincipal } from '../principal.js';
import { Scope } from '../authorization.js';
import { MUTATIE_MIGRATIONS_DIR } from './index.js';
import { assertSchrijfmandaat, idempotentieBewaartermijn, ruimIdempotentieOp, STANDAARD_BEWAARDAGEN, voerMutatieUit } from './mutatie.js';

// The shared machinery of every mutation (docs/mutaties.md), on the embedded database: one
// transaction for the change, its Logboek record and its idempotency key; a retry changes nothing.
let db: Database;

beforeAll(async () => {
  db = await openDatabase({ schema: 'mutatieproef' });
  await runMigrations(db, LOGBOEK_MIGRATIONS_DIR);
  await runMigrations(db, MUTATIE_MIGRATIONS_DIR);
  await db.exec(`CREATE TABLE notitie (id serial PRIMARY KEY, tekst text NOT NULL)`);
});

afterAll(async () => {
  await db?.close();
});

const huizen = testPrincipal({ organisatie: 'uo-hbel', rollen: ['consulent'], actor: 'actor-1', scope: () => ({ alle: false, gemeenten: ['0406'] }) });
const INWONER = 'a'.repeat(32);

/** A mutation that writes one row about INWONER, failing after the write when `faal` is set. */
function schrijf(principal: Principal, sleutel: string, tekst: string, faal = false) {
  const context = createRequestContext(db, () => ({}), undefined, principal);
  const antwoord = voerMutatieUit(context, {
    activiteit: 'proef:notitie:schrijven',
    sleutel,
    invoer: { tekst },
    uitvoeren: async (tx, verwerking) => {
      verwerking.betrokkene(INWONER);
      const [row] = await tx.query<{ id: number }>(`INSERT INTO notitie (tekst) VALUES ($1) RETURNING id`, [tekst]);
      if (faal) throw new Error('midway');
      return { id: row!.id };
    },
  });
  return { context, antwoord };
}

const tel = async (tabel: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tabel}`))[0]!.n;

describe('voerMutatieUit', () => {
  it('stores the change, its Logboek record and its key together; the same key and input again changes nothing', async () => {
    const eerste = await schrijf(huizen, 'sleutel-0001', 'hallo').antwoord;
    const [notities, verwerkingen] = [await tel('notitie'), await tel('verwerking')];
    const [record] = await db.query(`SELECT verwerkingsactiviteit, betrokkene, resultaat FROM verwerking ORDER BY tijdstip DESC LIMIT 1`);
    expect(record).toEqual({ verwerkingsactiviteit: 'proef:notitie:schrijven', betrokkene: INWONER, resultaat: 'geslaagd' });

    const herhaling = schrijf(huizen, 'sleutel-0001', 'hallo');
    expect(await herhaling.antwoord).toEqual(eerste);
    expect([await tel('notitie'), await tel('verwerking')]).toEqual([notities, verwerkingen]);
    // The retry is registered for the request's own records (written as the response leaves).
    expect(herhaling.context.logboek.regels().map((r) => [r.activiteit, r.betrokkene])).toEqual([['proef:notitie:schrijven:herhaling', INWONER]]);
  });

  it('refuses the same key with other input, and keeps keys per organisation', async () => {
    await schrijf(huizen, 'sleutel-0002', 'een').antwoord;
    const notities = await tel('notitie');
    await expect(schrijf(huizen, 'sleutel-0002', 'twee').antwoord).rejects.toMatchObject({ extensions: { code: 'IDEMPOTENTIESLEUTEL_HERGEBRUIKT' } });
    expect(await tel('notitie')).toBe(notities);
    const ander = testPrincipal({ organisatie: '0307', rollen: ['consulent'], scope: () => ({ alle: true }) });
    await schrijf(ander, 'sleutel-0002', 'twee').antwoord;
    expect(await tel('notitie')).toBe(notities + 1);
  });

  it('leaves nothing of a mutation that fails halfway, and frees its key', async () => {
    const [notities, verwerkingen, sleutels] = [await tel('notitie'), await tel('verwerking'), await tel('mutatie_idempotentie')];
    const mislukt = schrijf(huizen, 'sleutel-0003', 'half', true);
    await expect(mislukt.antwoord).rejects.toThrow('midway');
    expect([await tel('notitie'), await tel('verwerking'), await tel('mutatie_idempotentie')]).toEqual([notities, verwerkingen, sleutels]);
    // The attempt is registered for the request's records, written as failed with its error.
    expect(mislukt.context.logboek.regels().map((r) => [r.activiteit, r.betrokkene])).toEqual([['proef:notitie:schrijven', INWONER]]);
    await schrijf(huizen, 'sleutel-0003', 'half').antwoord;
    expect(await tel('notitie')).toBe(notities + 1);
  });

  it('refuses a key that is not one', async () => {
    await expect(schrijf(huizen, 'kort', 'x').antwoord).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('assertSchrijfmandaat', () => {
  const recht = { doel: Scope.MELDING_REGISTREREN, rollen: [Rol.TOEGANG], handeling: 'een melding te registreren' };
  it('needs the purpose and a mandate in one of the rollen for the gemeente and wet', () => {
    const toegang = testPrincipal({ scopes: [Scope.MELDING_REGISTREREN], scope: (_wet, rol) => (rol === Rol.TOEGANG ? { alle: false, gemeenten: ['0406'] } : { alle: false, gemeenten: [] }) });
    expect(() => assertSchrijfmandaat(toegang, recht, Wet.WMO, '0406')).not.toThrow();
    expect(() => assertSchrijfmandaat(toegang, recht, Wet.WMO, '0317')).toThrow(/gemeente 0317 onder de Wmo/);
    const zonderDoel = testPrincipal({ scopes: [Scope.PERSOONSGEGEVENS], scope: () => ({ alle: true }) });
    expect(() => assertSchrijfmandaat(zonderDoel, recht, Wet.WMO, '0406')).toThrow(/Geen mandaat/);
    const uitvoering = testPrincipal({ scopes: [Scope.MELDING_REGISTREREN], scope: (_wet, rol) => (rol === Rol.UITVOERING ? { alle: true } : { alle: false, gemeenten: [] }) });
    expect(() => assertSchrijfmandaat(uitvoering, recht, Wet.WMO, '0406')).toThrow(/Geen mandaat/);
  });
});

describe('idempotency key retention', () => {
  it('keeps a key for its retention period only: after it the key is new again, and the cleanup removes old keys', async () => {
    const eerste = await schrijf(huizen, 'sleutel-oud-1', 'oud').antwoord;
    await schrijf(huizen, 'sleutel-oud-2', 'oud').antwoord;
    await schrijf(huizen, 'sleutel-vers', 'vers').antwoord;
    // Within the period the same key is a retry; other input under it is refused.
    await expect(schrijf(huizen, 'sleutel-oud-1', 'anders').antwoord).rejects.toMatchObject({ extensions: { code: 'IDEMPOTENTIESLEUTEL_HERGEBRUIKT' } });
    await db.query(`UPDATE mutatie_idempotentie SET tijdstip = now() - make_interval(days => $1 + 1) WHERE sleutel LIKE 'sleutel-oud-%'`, [STANDAARD_BEWAARDAGEN]);
    // Past it, the key is free: the same key with other input is a new change.
    const nieuw = await schrijf(huizen, 'sleutel-oud-1', 'anders').antwoord;
    expect(nieuw).not.toEqual(eerste);
    expect(await ruimIdempotentieOp(db, STANDAARD_BEWAARDAGEN)).toBe(1);
    const over = await db.query<{ sleutel: string }>(`SELECT sleutel FROM mutatie_idempotentie WHERE sleutel IN ('sleutel-oud-1', 'sleutel-oud-2', 'sleutel-vers') ORDER BY sleutel`);
    expect(over.map((r) => r.sleutel)).toEqual(['sleutel-oud-1', 'sleutel-vers']);
  });

  it('reads the retention period from MUTATIE_SLEUTEL_BEWAARDAGEN and refuses a value that is no number of days', () => {
    expect(idempotentieBewaartermijn({})).toBe(30);
    expect(idempotentieBewaartermijn({ MUTATIE_SLEUTEL_BEWAARDAGEN: '7' })).toBe(7);
    expect(() => idempotentieBewaartermijn({ MUTATIE_SLEUTEL_BEWAARDAGEN: '0' })).toThrow(/MUTATIE_SLEUTEL_BEWAARDAGEN/);
    expect(() => idempotentieBewaartermijn({ MUTATIE_SLEUTEL_BEWAARDAGEN: 'week' })).toThrow(/MUTATIE_SLEUTEL_BEWAARDAGEN/);
  });
});
