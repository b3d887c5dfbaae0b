export {
  connectAs,
  DEFAULT_DEADLINES,
  type CarbonConnection,
  type ConnectOptions,
  type Deadlines,
} from './connect';
export { newNativeEcdsaSigner } from './native-signer';
export {
  CONNECTION_DIR_VARIABLE,
  loadConnectionSettings,
  type CaSettings,
  type OrgConnectionSettings,
  type UserIdentityFiles,
} from './connection-settings';
export { GatewayClientError, type GatewayClientErrorCode } from './errors';
export { chaincodeMessage, evaluate, submit, type SubmitOptions, type SubmitOutcome } from './submit';
export { commercialTransient, requestProposal, type RequestProposal } from './request-proposal';
export { proposalSubmitOptions } from './endorsing-organizations';
export {
  TransactionError,
  type TransactionErrorDetails,
  type TransactionFailureKind,
} from './transaction-error';
export { enrollUser, registerUser, ROLES, type NewUser, type Role } from './identities';
export { reconcile, type ReconcileOptions, type ReconcileReport, type UnitTotals } from './audit/reconcile';
export { ledgerHeight, waitForBlock } from './ledger-height';
export {
  listenToChaincodeEvents,
  type CarbonEvent,
  type InvalidCarbonEvent,
  type ListenOptions,
} from './events/chaincode-events';
export { LedgerReplay } from './audit/ledger-replay';
export * from './contracts';
export {
  DEFAULT_CURRENCY,
  formatAmount,
  formatMoney,
  InvalidMoneyError,
  minorUnitsAsNumber,
  parseCurrency,
  parseMoney,
} from './money';
export { runDemoCycle, type DemoInstallation, type DemoOptions, type DemoSummary } from './demo/demo-cycle';
