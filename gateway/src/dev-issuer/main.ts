import { parseArgs } from 'node:util';
import { ROLES, isRole } from '../auth/roles.js';
import { loadDevIssuer } from './dev-issuer.js';
import { mintToken } from './mint-token.js';

/**
 * `npm run -s token -- --role <role> --org <organisation> [--client <client id>] [--hours <n>]`: prints a token of the
 * development issuer and nothing else, for `Authorization: Bearer <token>`. The key pair lives in
 * `<DATA_DIR or .data>/dev-issuer/`, where a gateway without a JWKS finds it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, org: { type: 'string' }, client: { type: 'string' }, hours: { type: 'string' } },
    strict: true,
  });
  if (!isRole(values.role) || !values.org) {
    throw new Error(`usage: npm run -s token -- --role <${ROLES.join('|')}> --org <organisation id, e.g. uo-hbel, 0406, regio-gv>`);
  }
  const hours = Number(values.hours ?? '8');
  if (!(hours > 0 && hours <= 24 * 30)) throw new Error('--hours must be a number above 0');
  const issuer = await loadDevIssuer(process.env.DATA_DIR || '.data');
  process.stdout.write(`${await mintToken(issuer, { role: values.role, org: values.org, client: values.client, expiresInSeconds: Math.round(hours * 3600) })}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
