import type { Command } from '../command';
import { accountFreezeCommand } from './account-freeze';
import { accountOpenCommand } from './account-open';
import { accountStatementCommand } from './account-statement';
import { accountUnfreezeCommand } from './account-unfreeze';
import { allowancesAllocateCommand } from './allowances-allocate';
import { allowancesIssueCommand } from './allowances-issue';
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
  allowancesAllocateCommand,
  reportAcceptCommand,
  projectRegisterCommand,
  offsetsIssueCommand,
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
  transferCommand,
  offsetsRetireCommand,
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
