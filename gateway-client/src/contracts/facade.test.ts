import {
  type Contract,
  type Status,
  StatusCode,
  type SubmittedTransaction,
  type Transaction,
} from '@hyperledger/fabric-gateway';
import type { CarbonConnection } from '../connect';
import { GatewayClientError } from '../errors';
import { AllowanceClient } from './allowance-client';

const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

const lot = {
  id: 'tx1.0',
  accountId: 'NATIONAL-ALLOCATION',
  unitType: 'allowance',
  vintage: 2030,
  serialStart: 1,
  serialEnd: 500,
  quantity: 500,
  status: 'held',
  origin: 'issuance',
  createdAt: '2030-01-01T00:00:00.000Z',
  createdTxId: 'tx1',
};

/** A connection whose chaincode answers every call with `answer`, recording what was sent. */
function connectionAnswering(answer: unknown): { connection: CarbonConnection; sent: string[][] } {
  const sent: string[][] = [];
  const status: Status = { blockNumber: 3n, code: StatusCode.VALID, successful: true, transactionId: 'tx1' };
  const contract = {
    newProposal: (name: string, proposal?: { arguments?: string[] }) => ({
      endorse: (): Promise<Transaction> => {
        sent.push([name, ...(proposal?.arguments ?? [])]);
        const submitted = { getStatus: () => Promise.resolve(status) } as unknown as SubmittedTransaction;
        return Promise.resolve({
          getResult: () => encode(answer),
          getTransactionId: () => 'tx1',
          submit: () => Promise.resolve(submitted),
        } as unknown as Transaction);
      },
    }),
    evaluateTransaction: (name: string, ...args: string[]): Promise<Uint8Array> => {
      sent.push([name, ...args]);
      return Promise.resolve(encode(answer));
    },
  } as unknown as Contract;
  return { connection: { contract } as unknown as CarbonConnection, sent };
}

describe('a façade typed from the wire contract', () => {
  test('a write sends Contract:Function with its request as JSON and returns the checked answer', async () => {
    const { connection, sent } = connectionAnswering(lot);
    const allowance = new AllowanceClient(connection);
    await expect(allowance.issueAllowances({ period: 2030, quantity: 500 })).resolves.toEqual(lot);
    expect(sent).toEqual([['Allowance:IssueAllowances', '{"period":2030,"quantity":500}']]);
  });

  test('a read sends its positional arguments', async () => {
    const { connection, sent } = connectionAnswering(lot);
    await new AllowanceClient(connection).getLot('NATIONAL-ALLOCATION', 'tx1.0');
    expect(sent).toEqual([['Allowance:GetLot', 'NATIONAL-ALLOCATION', 'tx1.0']]);
  });

  test('an answer that does not match the contract is an ANSWER_MISMATCH, not a silently wrong object', async () => {
    const { connection } = connectionAnswering({ ...lot, quantity: 'five hundred' });
    const failure = new AllowanceClient(connection).getLot('NATIONAL-ALLOCATION', 'tx1.0');
    await expect(failure).rejects.toBeInstanceOf(GatewayClientError);
    await expect(failure).rejects.toMatchObject({ code: 'ANSWER_MISMATCH' });
    await expect(failure).rejects.toThrow(/Allowance:GetLot .*quantity/);
  });
});
