import type { DemoWorld } from '@sociaal-graph/toolkit';
import { type Answer, type AttackCase, type AttackContext, describe as describeFinding, isDisclosure, type Request } from './attack.js';

/** Sends a case's requests with a token per caller, minted once. */
export function attackContext(
  world: DemoWorld,
  query: (query: string, variables: Record<string, unknown>, token: string) => Promise<Answer<unknown>>,
  token: (caller: { role: string; org: string }) => Promise<string>,
): AttackContext {
  const tokens = new Map<string, Promise<string>>();
  return {
    world,
    async ask<D>(request: Request): Promise<Answer<D>> {
      const key = `${request.caller.role}@${request.caller.org}`;
      if (!tokens.has(key)) tokens.set(key, token(request.caller));
      const send = async () => (await query(request.query, request.variables, (await tokens.get(key)) as string)) as Answer<D>;
      // A read asked again is the same read: once more when a kept-alive connection was closed under it.
      return send().catch((error: Error) => {
        if (error.message !== 'fetch failed') throw error;
        return send();
      });
    },
  };
}

export interface CaseReport {
  readonly name: string;
  readonly narrowed: number;
  readonly disclosures: string[];
  readonly refused: string[];
  /** One request per disclosure, to replay it. */
  readonly requests: Request[];
}

export async function runCase(attack: AttackCase, context: AttackContext): Promise<CaseReport> {
  const outcome = await attack.run(context);
  const disclosed = outcome.findings.filter(isDisclosure);
  return {
    name: attack.name,
    narrowed: outcome.findings.length,
    disclosures: disclosed.map(describeFinding),
    refused: outcome.refused,
    requests: [...new Set(disclosed.flatMap((f) => f.requests))],
  };
}
