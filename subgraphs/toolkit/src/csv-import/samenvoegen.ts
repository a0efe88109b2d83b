import { copyRows } from '../bulk-insert.js';
import type { Queryable } from '../database.js';

/** What an accepted line does to a table: adds a row, changes one, or finds it as it is. */
export type Uitkomst = 'nieuw' | 'gewijzigd' | 'ongewijzigd';

/** One table an import writes: its key, the columns the file sets, and a row per accepted line. */
export interface Doel {
  /** The table in the subgraph's schema ("toewijzing"). */
  readonly tabel: string;
  /** Its primary key (the merge's ON CONFLICT target). */
  readonly sleutel: readonly string[];
  /** Every column the file sets, the key included; other columns keep their value (or default). */
  readonly kolommen: readonly string[];
  /** One row per accepted line, values in the order of `kolommen`. */
  readonly rijen: readonly { readonly regel: number; readonly waarden: readonly unknown[] }[];
}

/** The outcome per line, and the counts. */
export interface DoelUitkomst {
  readonly tabel: string;
  readonly nieuw: number[];
  readonly gewijzigd: number[];
  readonly ongewijzigd: number[];
}

/**
 * Stages the rows of `doel` with one COPY into a temporary table shaped like the target (dropped at
 * commit), says per line whether it is new, changed or unchanged, and, unless `proef`, merges them in
 * one set-based statement: insert the new rows, update the changed ones, leave the rest untouched.
 * Runs inside the caller's transaction, so the merge is all or nothing; and it is idempotent (the
 * same file twice changes nothing the second time), so a run that was killed can simply be rerun.
 */
export async function samenvoegen(tx: Queryable, doel: Doel, proef: boolean): Promise<DoelUitkomst> {
  const staging = `import_${doel.tabel}`;
  const kolommen = doel.kolommen.join(', ');
  // Same column types as the target, without its constraints: COPY converts the text, the merge checks the rest.
  await tx.query(`CREATE TEMP TABLE ${staging} ON COMMIT DROP AS SELECT 0 AS regel, ${kolommen} FROM ${doel.tabel} WITH NO DATA`);
  // The toolkit's bulk path: COPY on both databases (INSERT only where a connection cannot copy).
  await copyRows(tx, staging, ['regel', ...doel.kolommen], doel.rijen.map((rij) => [rij.regel, ...rij.waarden]), doel.rijen.length);
  const join = doel.sleutel.map((k) => `t.${k} = s.${k}`).join(' AND ');
  const inhoud = (alias: string) => `(${doel.kolommen.map((k) => `${alias}.${k}`).join(', ')})`;
  const indeling = await tx.query<{ uitkomst: Uitkomst; regels: number[] }>(
    `SELECT uitkomst, array_agg(regel ORDER BY regel) AS regels FROM (
       SELECT s.regel, CASE WHEN t.${doel.sleutel[0]} IS NULL THEN 'nieuw'
                            WHEN ${inhoud('t')} IS DISTINCT FROM ${inhoud('s')} THEN 'gewijzigd'
                            ELSE 'ongewijzigd' END AS uitkomst
       FROM ${staging} s LEFT JOIN ${doel.tabel} t ON ${join}) AS per_regel
     GROUP BY uitkomst`,
  );
  if (!proef) {
    const bij = doel.kolommen.filter((k) => !doel.sleutel.includes(k));
    await tx.query(
      `INSERT INTO ${doel.tabel} (${kolommen}) SELECT ${kolommen} FROM ${staging} ORDER BY regel
       ON CONFLICT (${doel.sleutel.join(', ')}) DO UPDATE SET ${bij.map((k) => `${k} = EXCLUDED.${k}`).join(', ')}
       WHERE (${bij.map((k) => `${doel.tabel}.${k}`).join(', ')}) IS DISTINCT FROM (${bij.map((k) => `EXCLUDED.${k}`).join(', ')})`,
    );
  }
  const regels = (uitkomst: Uitkomst) => (indeling.find((rij) => rij.uitkomst === uitkomst)?.regels ?? []).map(Number);
  return { tabel: doel.tabel, nieuw: regels('nieuw'), gewijzigd: regels('gewijzigd'), ongewijzigd: regels('ongewijzigd') };
}
