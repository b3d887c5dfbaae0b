export {
  connectAs,
  DEFAULT_DEADLINES,
  type CarbonConnection,
  type ConnectOptions,
  type Deadlines,
} from './connect';
export {
  defaultSettingsDir,
  loadConnectionSettings,
  type OrgConnectionSettings,
  type UserIdentityFiles,
} from './connection-settings';
export { GatewayClientError, type GatewayClientErrorCode } from './errors';
