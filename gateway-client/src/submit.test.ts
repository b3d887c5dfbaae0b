import {
  type Contract,
  GatewayError,
  type Status,
  StatusCode,
  type SubmittedTransaction,
} from '@hyperledger/fabric-gateway';
import type { ServiceError } from '@grpc/grpc-js';
import { submit } from './submit';
import { TransactionError } from './transaction-error';

/** A stand-in for a Gateway contract whose commits end with the given validation codes, in order. */
function contractCommitting(
  codes: Status['code'][],
  statusFailures = 0,
): { contract: Contract; proposals: () => number } {
  let proposals = 0;
  const contract = {
    submitAsync: (): Promise<SubmittedTransaction> => {
      proposals++;
      const code = codes[Math.min(proposals, codes.length) - 1]!;
      const transactionId = `tx${proposals}`;
      let failuresLeft = statusFailures;
      const status: Status = {
        blockNumber: BigInt(proposals),
        code,
        successful: code === StatusCode.VALID,
        transactionId,
      };
      return Promise.resolve({
        getResult: () => new TextEncoder().encode(`result of ${transactionId}`),
        getTransactionId: () => transactionId,
        getStatus: () =>
          failuresLeft-- > 0 ? Promise.reject(new Error('DEADLINE_EXCEEDED')) : Promise.resolve(status),
      } as unknown as SubmittedTransaction);
    },
  } as unknown as Contract;
  return { contract, proposals: () => proposals };
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
      code: 'CONFLICT',
      details: { validationCode: 'MVCC_READ_CONFLICT' },
    });
    expect(proposals()).toBe(3);
  });

  test('does not retry other invalid commits', async () => {
    const { contract, proposals } = contractCommitting([StatusCode.ENDORSEMENT_POLICY_FAILURE]);
    await expect(submit(contract, 'Allowance:Transfer')).rejects.toMatchObject({
      code: 'INVALID',
      details: { transactionId: 'tx1', validationCode: 'ENDORSEMENT_POLICY_FAILURE' },
    });
    expect(proposals()).toBe(1);
  });

  test('after a commit-status timeout it asks again about the same transaction instead of resubmitting', async () => {
    const { contract, proposals } = contractCommitting([StatusCode.VALID], 2);
    const outcome = await submit(contract, 'Allowance:Transfer', { statusChecks: 3 });
    expect(outcome.transactionId).toBe('tx1');
    expect(proposals()).toBe(1);
  });

  test('a chaincode refusal becomes a REJECTED error carrying the chaincode message', async () => {
    const refusal = new GatewayError({
      code: 10,
      details: [
        {
          address: '127.0.0.1:7051',
          mspId: 'RegulatorMSP',
          message: 'chaincode response 500, FORBIDDEN: only the regulator may issue allowances',
        },
      ],
      cause: new Error('ABORTED') as ServiceError,
    });
    const contract = { submitAsync: () => Promise.reject(refusal) } as unknown as Contract;
    const failure = submit(contract, 'Allowance:Issue');
    await expect(failure).rejects.toBeInstanceOf(TransactionError);
    await expect(failure).rejects.toMatchObject({
      code: 'REJECTED',
      message: 'FORBIDDEN: only the regulator may issue allowances',
    });
  });

  test('endorsers that disagree (one peer behind) are retried like a conflict, with a new proposal', async () => {
    const mismatch = new GatewayError({
      code: 10,
      message: '10 ABORTED: failed to collect enough transaction endorsements',
      details: [
        { address: '127.0.0.1:8051', mspId: 'VerifierMSP', message: 'ProposalResponsePayloads do not match' },
      ],
      cause: new Error('ABORTED') as ServiceError,
    });
    let proposals = 0;
    const { contract: committing } = contractCommitting([StatusCode.VALID]);
    const contract = {
      submitAsync: (...args: unknown[]) =>
        ++proposals === 1
          ? Promise.reject(mismatch)
          : (committing.submitAsync as (...a: unknown[]) => Promise<SubmittedTransaction>)(...args),
    } as unknown as Contract;
    const outcome = await submit(contract, 'Allowance:Transfer', { backoffMs: 1 });
    expect(outcome.attempts).toBe(2);
    expect(proposals).toBe(2);
  });
});
