import type { Command } from '../command';
import { accountFreezeCommand } from './account-freeze';
import { accountOpenCommand } from './account-open';
import { accountStatementCommand } from './account-statement';
import { accountUnfreezeCommand } from './account-unfreeze';
import {
  allowancesAllocateCommand,
  allowancesPlanCommand,
  allowancesReturnCommand,
} from './allowances-allocate';
import { allowancesConsolidateCommand } from './allowances-consolidate';
import { allowancesIssueCommand } from './allowances-issue';
import { auctionShowCommand } from './auction-show';
import { auditReconcileCommand } from './audit-reconcile';
import { complianceStatusCommand } from './compliance-status';
import { entityRegisterCommand } from './entity-register';
import { exportCsvCommand } from './export-csv';
import { factorsPublishCommand } from './factors-publish';
import { fundsDepositCommand } from './funds-deposit';
import { historyCommand } from './history';
import { identityEnrollCommand } from './identity-enroll';
import { identityRegisterCommand } from './identity-register';
import { installationAddCommand } from './installation-add';
import { invokeCommand } from './invoke';
import { marketBookCommand } from './market-book';
import { marketConfigureCommand } from './market-configure';
import { marketDataCommand } from './market-data';
import { marketHaltCommand } from './market-halt';
import { marketMatchCommand } from './market-match';
import { marketResumeCommand } from './market-resume';
import { orderCancelCommand } from './order-cancel';
import { orderListCommand } from './order-list';
import { orderPlaceCommand } from './order-place';
import { certificatesCancelCommand } from './certificates-cancel';
import { certificatesIssueCommand } from './certificates-issue';
import { certificatesTransferCommand } from './certificates-transfer';
import { offsetsIssueCommand } from './offsets-issue';
import { offsetsRetireCommand } from './offsets-retire';
import { periodCloseCommand } from './period-close';
import { periodCreateCommand } from './period-create';
import { projectRegisterCommand } from './project-register';
import { reportAcceptCommand } from './report-accept';
import { reportCorrectCommand } from './report-correct';
import { reportRejectCommand } from './report-reject';
import { reportShowCommand } from './report-show';
import { reportSubmitCommand } from './report-submit';
import { reportVerifyCommand } from './report-verify';
import { supplyCommand } from './supply';
import { surrenderCommand } from './surrender';
import { tradeAcceptCommand } from './trade-accept';
import { tradeProposeCommand } from './trade-propose';
import { tradeRejectCommand } from './trade-reject';
import { tradesCommand } from './trades';
import { transferCommand } from './transfer';
import { verifierAccreditCommand, verifierAssignCommand } from './verifier';
import { whoamiCommand } from './whoami';

/** Every `carbon` command, in the order `carbon --help` lists them: general, then by role. */
export const COMMANDS: readonly Command[] = [
  whoamiCommand,
  identityRegisterCommand,
  identityEnrollCommand,
  invokeCommand,
  // regulator
  entityRegisterCommand,
  installationAddCommand,
  accountOpenCommand,
  accountFreezeCommand,
  accountUnfreezeCommand,
  periodCreateCommand,
  factorsPublishCommand,
  allowancesIssueCommand,
  allowancesPlanCommand,
  allowancesAllocateCommand,
  reportAcceptCommand,
  verifierAccreditCommand,
  verifierAssignCommand,
  projectRegisterCommand,
  offsetsIssueCommand,
  certificatesIssueCommand,
  fundsDepositCommand,
  marketConfigureCommand,
  marketHaltCommand,
  marketResumeCommand,
  marketMatchCommand,
  periodCloseCommand,
  // operator
  reportSubmitCommand,
  reportCorrectCommand,
  surrenderCommand,
  allowancesReturnCommand,
  allowancesConsolidateCommand,
  transferCommand,
  offsetsRetireCommand,
  certificatesTransferCommand,
  certificatesCancelCommand,
  complianceStatusCommand,
  // verifier
  reportShowCommand,
  reportVerifyCommand,
  reportRejectCommand,
  // trader
  orderPlaceCommand,
  orderCancelCommand,
  orderListCommand,
  marketBookCommand,
  marketDataCommand,
  auctionShowCommand,
  tradeProposeCommand,
  tradeAcceptCommand,
  tradeRejectCommand,
  // auditor
  historyCommand,
  accountStatementCommand,
  tradesCommand,
  supplyCommand,
  exportCsvCommand,
  auditReconcileCommand,
];

/** What each group of two-word commands is about, for `carbon <group> --help`. */
export const COMMAND_GROUPS: Readonly<Record<string, string>> = {
  identity: 'Fabric CA identities: register a user of your organisation, enrol it',
  entity: 'Regulator: register a covered enterprise, trader or verifier',
  installation: "Regulator: add installations to an enterprise's registration",
  account: 'Holding and trading accounts: open, freeze, unfreeze, read a statement',
  period: 'Regulator: compliance periods: create one, close it after its surrender deadline',
  factors: "Regulator: a period's emission factors",
  allowances:
    'Regulator: issue allowances into the national account, allocate them free; holders: return, consolidate lots',
  report: 'Emission reports: submit, correct, verify, reject, accept, show',
  verifier: 'Regulator: accredit verifier entities for sectors, assign them to reports',
  project: 'Regulator: register an offset project',
  offsets: 'Offset credits: issue (regulator), retire (owner)',
  certificates: 'Green electricity certificates (1 MWh): issue (regulator), transfer and cancel (holder)',
  funds: 'Regulator (settlement bank): settlement funds',
  market: 'The exchange: configure, halt and resume an instrument, match it, read its book and data',
  compliance: "An installation's compliance status",
  order: 'Limit orders: place, cancel, list',
  trade: 'Bilateral trades: propose, accept, reject',
  auction: "Allowance auctions: show one (bids: the console or 'carbon invoke')",
  export: 'Ledger data as CSV',
  audit: 'Checks of the ledger against its own history',
};
