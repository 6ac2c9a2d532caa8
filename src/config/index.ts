export { type Config, configSchema, loadConfig } from './load-config.ts';
