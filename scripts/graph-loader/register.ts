// Imported after tsx (flags.ts): hooks registered later run first, so these compile the graph's .ts files.
import { register } from 'node:module';

register('./hooks.ts', import.meta.url);
