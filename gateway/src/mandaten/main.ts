import { parseArgs } from 'node:util';
import { ALL_ORGANISATIONS, publishMandateInvalidation } from '../auth/mandate-invalidation.js';

const USAGE = `npm run -s mandaten -- --vernieuw [organisatie]

Laat elke gateway op deze Redis (REDIS_URL, REDIS_KEY_PREFIX) de arrangementen van een organisatie
direct opnieuw ophalen bij de gemeenten-subgraaf, bijvoorbeeld nadat een arrangement is beëindigd.
Zonder organisatie: van alle organisaties.

  --vernieuw [organisatie]   organisatie-id zoals in het token (CBS-code, uo-hbel, AGB-code)
  --help                     deze tekst

Zonder Redis deelt geen gateway zijn cache: een gateway gebruikt arrangementen dan hoogstens
MANDATE_STALE_SECONDS (standaard 30) oud; herstart hem voor direct effect.`;

/**
 * `npm run -s mandaten -- --vernieuw [org]`: the operator's way to withdraw mandates at once.
 * It publishes on the gateways' Redis channel and says how many gateways heard it; exit 1 when
 * there is no Redis or it cannot be reached.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { vernieuw: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.vernieuw || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    console.error('REDIS_URL is niet gezet: zonder Redis hoort geen gateway dit bericht. Een gateway gebruikt arrangementen hoogstens MANDATE_STALE_SECONDS oud; herstart hem voor direct effect.');
    return 1;
  }
  const org = positionals[0] ?? ALL_ORGANISATIONS;
  const heard = await publishMandateInvalidation(redisUrl, process.env.REDIS_KEY_PREFIX || 'sociaal-graph:', org);
  const wie = org === ALL_ORGANISATIONS ? 'alle organisaties' : org;
  console.log(`arrangementen van ${wie} vernieuwd: ${heard} gateway${heard === 1 ? '' : 's'} ontving${heard === 1 ? '' : 'en'} het bericht`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`mandaten: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
