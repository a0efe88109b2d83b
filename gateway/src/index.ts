export { CALLER_LIMITS_OFF_ENV, type GatewayConfig, readGatewayConfig, DEFAULT_SUPERGRAPH_PATH } from './config.js';
export { type GatewayContext } from './context.js';
export { type CreateGatewayOptions, createGatewayServer, type RunningGateway } from './create-gateway.js';
export { type Caller, ANONYMOUS_CALLER } from './auth/caller.js';
export { ROLES, type Role } from './auth/roles.js';
export { DEV_AUDIENCE, DEV_ISSUER, type DevIssuer, loadDevIssuer } from './dev-issuer/dev-issuer.js';
export { type MintTokenOptions, mintToken } from './dev-issuer/mint-token.js';
