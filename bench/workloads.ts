import { StatusCode } from '@hyperledger/fabric-gateway';
import { type CarbonConnection, requestProposal, type TransferResult } from '@carbon-ets/gateway-client';
import { gasAndGridReport } from '../test/support/baseline';
import type { BenchLedger } from './bench-ledger';
import type { Operation } from './load-driver';

/** A benchmark workload: who runs it and how slot `i` submits one transaction. */
export interface Workload {
  readonly name: string;
  readonly description: string;
  readonly organization: string;
  readonly user: string;
  /** Builds the operation of slot `slot`, on one of the given connections. */
  operation(ledger: BenchLedger, slot: number, connection: CarbonConnection): Operation;
}

/** Submits one transaction and waits for its commit status; no retry, so conflicts show. */
async function submitOnce(
  connection: CarbonConnection,
  transaction: string,
  request: unknown,
  onValid?: (result: Uint8Array) => void,
): Promise<{ code: number }> {
  const proposal = requestProposal(transaction, request);
  const submitted = await connection.contract.submitAsync(transaction, {
    arguments: proposal.arguments,
    ...(proposal.transient === undefined ? {} : { transientData: proposal.transient }),
  });
  const status = await submitted.getStatus();
  if (status.code === StatusCode.VALID) onValid?.(submitted.getResult());
  return { code: status.code };
}

export const heartbeat: Workload = {
  name: 'ceiling: System:Heartbeat',
  description: 'one blind write (no read) per transaction: the ceiling every workload is compared with',
  organization: 'Enterprise1',
  user: 'trader1',
  operation: (ledger, slot, connection) => () =>
    submitOnce(connection, 'System:Heartbeat', `${ledger.runId}-slot${slot}`),
};

export const transferDistinct: Workload = {
  name: 'Allowance:Transfer, distinct accounts',
  description:
    'each slot moves 1 t from its own account, naming the lot it spends (key-level endorsement by Enterprise1MSP)',
  organization: 'Enterprise1',
  user: 'trader1',
  operation: (ledger, slot, connection) => {
    const source = ledger.slotAccounts[slot];
    if (!source) throw new Error(`no slot account ${slot}`);
    return () =>
      submitOnce(
        connection,
        'Allowance:Transfer',
        JSON.stringify({
          fromAccount: source.account,
          toAccount: ledger.sinkAccount,
          quantity: 1,
          lotIds: [source.lotId],
        }),
        (result) => {
          const answer = JSON.parse(new TextDecoder().decode(result)) as TransferResult;
          source.lotId = answer.remainders[0]?.id ?? source.lotId;
        },
      );
  },
};

export const transferHot: Workload = {
  name: 'Allowance:Transfer, one hot account',
  description: 'every slot moves 1 t from the same account, letting the chaincode pick lots (a range read)',
  organization: 'Enterprise1',
  user: 'trader1',
  operation: (ledger, _slot, connection) => () =>
    submitOnce(
      connection,
      'Allowance:Transfer',
      JSON.stringify({ fromAccount: ledger.hotAccount, toAccount: ledger.sinkAccount, quantity: 1 }),
    ),
};

export const reportCorrection: Workload = {
  name: 'Mrv:CorrectReport',
  description:
    "each slot files a new version of its installation's emissions report (emissions computed on-chain)",
  organization: 'Enterprise1',
  user: 'operator1',
  operation: (ledger, slot, connection) => {
    const installationId = ledger.installations[slot];
    if (!installationId) throw new Error(`no installation ${slot}`);
    // An object, not text: its activity and documents travel in the transient map (commercial data).
    const request = {
      ...gasAndGridReport(ledger.year, installationId, ledger.factorSetId),
      reason: 'benchmark correction',
    };
    return () => submitOnce(connection, 'Mrv:CorrectReport', request);
  },
};

export const orderPlacement: Workload = {
  name: 'Market:PlaceOrder, distinct accounts',
  description:
    'each slot places 1 t buy orders from its own account (funds escrowed from its cash entries); no matching',
  organization: 'Enterprise1',
  user: 'trader1',
  operation: (ledger, slot, connection) => {
    const source = ledger.slotAccounts[slot];
    if (!source) throw new Error(`no slot account ${slot}`);
    const request = JSON.stringify({
      accountId: source.account,
      side: 'buy',
      instrument: ledger.instrument,
      price: 4600 + (slot % 100),
      quantity: 1,
    });
    return () => submitOnce(connection, 'Market:PlaceOrder', request);
  },
};
