import type { DemoConfig } from '../config.js';
import type { DemoWorld } from './world.js';

/** Placeholder until the generator lands (same session). */
export function generateDemoWorld(_demo: Pick<DemoConfig, 'seed' | 'scale' | 'gemeenten' | 'pseudonymSecret'>): DemoWorld {
  throw new Error('not yet');
}
