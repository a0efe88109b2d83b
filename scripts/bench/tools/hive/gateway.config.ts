// Hive Gateway as The Guild's benchmark configures it: inbound in-flight deduplication and the JIT executor.
import { defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({
  inboundInflightRequestDeduplication: true,
  jit: true,
});
