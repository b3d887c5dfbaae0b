import {
  type Contract,
  GatewayError,
  type Status,
  StatusCode,
  type SubmittedTransaction,
  type Transaction,
} from '@hyperledger/fabric-gateway';
import { type ServiceError, status as grpcStatus } from '@grpc/grpc-js';
import { commitWaitFor, submit } from './submit';
import { TransactionError } from './transaction-error';

/** What one endorsed transaction does when broadcast: each broadcast's outcome, then its statuses. */
interface Script {
  /** Per broadcast: 'lost' (accepted, never ordered), 'refused' (no orderer took it) or 'ordered'. */
  readonly broadcasts?: readonly ('lost' | 'refused' | 'ordered')[];
  /** Extra statuses reported before the final one (e.g. a re-sent copy's DUPLICATE_TXID). */
  readonly before?: readonly Status['code'][];
}

/**
 * A stand-in for a Gateway contract: each proposal endorses into a transaction whose commit ends with the
 * given validation codes, in order; `script` says how its broadcasts fare.
 */
function contractCommitting(
  codes: Status['code'][],
  script: Script = {},
): { contract: Contract; proposals: () => number; broadcasts: () => number } {
  let proposals = 0;
  let broadcasts = 0;
  const contract = {
    newProposal: () => ({
      endorse: (): Promise<Transaction> => {
        proposals++;
        const code = codes[Math.min(proposals, codes.length) - 1]!;
        const transactionId = `tx${proposals}`;
        const statusOf = (c: Status['code']): Status => ({
          blockNumber: BigInt(proposals),
          code: c,
          successful: c === StatusCode.VALID,
          transactionId,
        });
        const pending = [...(script.before ?? [])];
        let sent = 0;
        const transaction = {
          getResult: () => new TextEncoder().encode(`result of ${transactionId}`),
          getTransactionId: () => transactionId,
          submit: (): Promise<SubmittedTransaction> => {
            broadcasts++;
            const fate = script.broadcasts?.[sent++] ?? 'ordered';
            if (fate === 'refused') return Promise.reject(new Error('UNAVAILABLE: no Raft leader'));
            return Promise.resolve({
              getTransactionId: () => transactionId,
              getResult: () => transaction.getResult(),
              getStatus: (options?: { deadline?: number }): Promise<Status> => {
                if (fate === 'lost') {
                  const wait = Math.max(0, (options?.deadline ?? Date.now()) - Date.now());
                  return new Promise((_, reject) =>
                    setTimeout(() => {
                      reject(new Error('DEADLINE_EXCEEDED'));
                    }, wait),
                  );
                }
                const next = pending.shift();
                return Promise.resolve(statusOf(next ?? code));
              },
            } as unknown as SubmittedTransaction);
          },
        };
        return Promise.resolve(transaction as unknown as Transaction);
      },
    }),
  } as unknown as Contract;
  return { contract, proposals: () => proposals, broadcasts: () => broadcasts };
}

describe('submit', () => {
  test('returns the result of a transaction that commits at the first attempt', async () => {
    const { contract, proposals } = contractCommitting([StatusCode.VALID]);
    const outcome = await submit(contract, 'System:WhoAmI');
    expect(outcome).toMatchObject({ transactionId: 'tx1', attempts: 1, blockNumber: 1n });
    expect(new TextDecoder().decode(outcome.result)).toBe('result of tx1');
    expect(proposals()).toBe(1);
  });

  test('retries MVCC and phantom-read conflicts with a new proposal each time', async () => {
    const { contract, proposals } = contractCommitting([
      StatusCode.MVCC_READ_CONFLICT,
      StatusCode.PHANTOM_READ_CONFLICT,
      StatusCode.VALID,
    ]);
    const outcome = await submit(contract, 'Allowance:Transfer', { backoffMs: 1 });
    expect(outcome).toMatchObject({ transactionId: 'tx3', attempts: 3 });
    expect(proposals()).toBe(3);
  });

  test('gives up after maxAttempts conflicts with a CONFLICT error', async () => {
    const { contract, proposals } = contractCommitting([StatusCode.MVCC_READ_CONFLICT]);
    const failure = submit(contract, 'Allowance:Transfer', { backoffMs: 1, maxAttempts: 3 });
    await expect(failure).rejects.toMatchObject({
      kind: 'CONFLICT',
      code: undefined,
      validationCode: 'MVCC_READ_CONFLICT',
    });
    expect(proposals()).toBe(3);
  });

  test('does not retry other invalid commits', async () => {
    const { contract, proposals } = contractCommitting([StatusCode.ENDORSEMENT_POLICY_FAILURE]);
    await expect(submit(contract, 'Allowance:Transfer')).rejects.toMatchObject({
      kind: 'INVALID',
      transactionId: 'tx1',
      validationCode: 'ENDORSEMENT_POLICY_FAILURE',
    });
    expect(proposals()).toBe(1);
  });

  test('a transaction lost by a dying orderer is re-sent, the same signed envelope, and commits once', async () => {
    const { contract, proposals, broadcasts } = contractCommitting([StatusCode.VALID], {
      broadcasts: ['lost', 'refused', 'ordered'],
    });
    const outcome = await submit(contract, 'Allowance:Transfer', {
      commitWait: { perTryMs: 50, totalMs: 5_000 },
    });
    expect(outcome).toMatchObject({ transactionId: 'tx1', attempts: 1, broadcasts: 3 });
    expect(proposals()).toBe(1);
    expect(broadcasts()).toBe(3);
  });

  test("a re-sent copy's DUPLICATE_TXID is not the outcome: the first copy's status is asked again", async () => {
    const { contract } = contractCommitting([StatusCode.VALID], { before: [StatusCode.DUPLICATE_TXID] });
    const outcome = await submit(contract, 'Allowance:Transfer');
    expect(outcome).toMatchObject({ transactionId: 'tx1', broadcasts: 1 });
  });

  test('no commit status before the total deadline: OUTCOME_UNKNOWN naming the transaction id', async () => {
    const { contract, proposals, broadcasts } = contractCommitting([StatusCode.VALID], {
      broadcasts: Array.from({ length: 50 }, () => 'lost' as const),
    });
    const failure = submit(contract, 'Allowance:Transfer', { commitWait: { perTryMs: 40, totalMs: 200 } });
    await expect(failure).rejects.toMatchObject({
      kind: 'OUTCOME_UNKNOWN',
      transactionId: 'tx1',
    });
    await expect(failure).rejects.toThrow(/tx1: outcome unknown/);
    // Re-sent after each 40 ms wait, and given up at the 200 ms deadline: never more than 200 / 40 + 1 sends,
    // however slow the machine (a slow machine sends fewer).
    expect(broadcasts()).toBeGreaterThanOrEqual(1);
    expect(broadcasts()).toBeLessThanOrEqual(6);
    expect(proposals()).toBe(1);
  });

  test("a chaincode refusal becomes a REJECTED error carrying the chaincode's code and message", async () => {
    const refusal = new GatewayError({
      code: grpcStatus.ABORTED,
      details: [
        {
          address: '127.0.0.1:7051',
          mspId: 'RegulatorMSP',
          message: 'chaincode response 500, FORBIDDEN: only the regulator may issue allowances',
        },
      ],
      cause: new Error('ABORTED') as ServiceError,
    });
    const contract = {
      newProposal: () => ({ endorse: () => Promise.reject(refusal) }),
    } as unknown as Contract;
    const failure = submit(contract, 'Allowance:Issue');
    await expect(failure).rejects.toBeInstanceOf(TransactionError);
    await expect(failure).rejects.toMatchObject({
      kind: 'REJECTED',
      code: 'FORBIDDEN',
      reason: 'only the regulator may issue allowances',
      message: 'FORBIDDEN: only the regulator may issue allowances',
    });
  });

  test('endorsers that disagree (one peer behind) are retried like a conflict, with a new proposal', async () => {
    const mismatch = new GatewayError({
      code: grpcStatus.ABORTED,
      message: '10 ABORTED: failed to collect enough transaction endorsements',
      details: [
        { address: '127.0.0.1:8051', mspId: 'VerifierMSP', message: 'ProposalResponsePayloads do not match' },
      ],
      cause: new Error('ABORTED') as ServiceError,
    });
    let proposals = 0;
    const { contract: committing } = contractCommitting([StatusCode.VALID]);
    const contract = {
      newProposal: (name: string) =>
        ++proposals === 1 ? { endorse: () => Promise.reject(mismatch) } : committing.newProposal(name),
    } as unknown as Contract;
    const outcome = await submit(contract, 'Allowance:Transfer', { backoffMs: 1 });
    expect(outcome.attempts).toBe(2);
    expect(proposals).toBe(2);
  });

  test('endorsers the peer cannot reach fail at once with the organisations named, never retried', async () => {
    const cutOff = new GatewayError({
      code: grpcStatus.ABORTED,
      message: '10 ABORTED: failed to collect enough transaction endorsements',
      details: ['Enterprise1MSP', 'AuditorMSP'].map((mspId) => ({
        address: '10.213.0.23:9051',
        mspId,
        message: 'rpc error: code = DeadlineExceeded desc = context deadline exceeded',
      })),
      cause: new Error('ABORTED') as ServiceError,
    });
    const noPlan = new GatewayError({
      code: grpcStatus.FAILED_PRECONDITION,
      message:
        '9 FAILED_PRECONDITION: no combination of peers can be derived which satisfy the endorsement policy',
      details: [],
      cause: new Error('FAILED_PRECONDITION') as ServiceError,
    });
    for (const [err, named] of [
      [cutOff, ' (Enterprise1MSP, AuditorMSP)'],
      [noPlan, ''],
    ] as const) {
      let proposals = 0;
      const contract = {
        newProposal: () => {
          proposals++;
          return { endorse: () => Promise.reject(err) };
        },
      } as unknown as Contract;
      const failure = submit(contract, 'Approval:AddTrustedAccount', { backoffMs: 1 });
      await expect(failure).rejects.toMatchObject({
        kind: 'UNAVAILABLE',
        message: `Approval:AddTrustedAccount: other organisations' peers did not answer your organisation's peer in time${named}; nothing was written`,
      });
      expect(proposals).toBe(1);
    }
  });
});

describe('commitWaitFor', () => {
  it('waits six batch timeouts and a second, never less than 2.5 s', () => {
    expect(commitWaitFor(500)).toEqual({ perTryMs: 4000, totalMs: 60_000 });
    expect(commitWaitFor(250)).toEqual({ perTryMs: 2500, totalMs: 60_000 });
    expect(commitWaitFor(100)).toEqual({ perTryMs: 2500, totalMs: 60_000 });
  });
});
