import { parseArgs } from 'node:util';
import { ROLES, isRole } from '../auth/roles.js';
import { readDataDir } from '@sociaal-graph/toolkit/gateway';
import { loadDevIssuer } from './dev-issuer.js';
import { mintToken } from './mint-token.js';

/**
 * `npm run -s token -- --role <role> --org <organisation> [--client <client id>] [--hours <n>]`: prints a token of the
 * development issuer and nothing else, for `Authorization: Bearer <token>`. The key pair lives in
 * `<DATA_DIR or .data>/dev-issuer/`, where a gateway without a JWKS finds it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, org: { type: 'string' }, client: { type: 'string' }, hours: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(`usage: npm run -s token -- --role <role> --org <organisation> [--client <id>] [--hours <n>]

Prints a token of the development issuer and nothing else, for the header Authorization: Bearer <token>.
Its key pair lives in <DATA_DIR>/dev-issuer/ (default .data/ at the repository root), where a gateway without
AUTH_JWKS_FILE or AUTH_JWKS_URL finds it.
  --role <role>    one of ${ROLES.join(', ')}
  --org <org>      a CBS code (0406 Huizen, 0307 Amersfoort), uo-hbel, regio-gv, iasz, or an aanbieder's AGB code
  --client <id>    the client the token is for (client_id; the trusted documents of that client apply)
  --hours <n>      lifetime (default 8)
What each role may see: README, "Who may see what".`);
    return;
  }
  if (!isRole(values.role) || !values.org) {
    throw new Error(`usage: npm run -s token -- --role <${ROLES.join('|')}> --org <organisation id, e.g. uo-hbel, 0406, regio-gv>`);
  }
  const hours = Number(values.hours ?? '8');
  if (!(hours > 0 && hours <= 24 * 30)) throw new Error('--hours must be a number above 0');
  const issuer = await loadDevIssuer(readDataDir());
  process.stdout.write(`${await mintToken(issuer, { role: values.role, org: values.org, client: values.client, expiresInSeconds: Math.round(hours * 3600) })}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
