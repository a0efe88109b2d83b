export { type GatewayConfig, readGatewayConfig, DEFAULT_SUPERGRAPH_PATH } from './config.js';
export { type GatewayContext } from './context.js';
export { type CreateGatewayOptions, createGatewayServer, type RunningGateway } from './create-gateway.js';
