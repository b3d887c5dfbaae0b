import {
  type Contract,
  type Status,
  StatusCode,
  type SubmittedTransaction,
  type Transaction,
} from '@hyperledger/fabric-gateway';
import type { CarbonConnection } from '../connect';
import { TransactionError } from '../transaction-error';
import type { Commit } from './contract-client';
import { MarketClient } from './market-client';
import { PeriodClient } from './period-client';
import { QueryClient } from './query-client';

const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

/** A connection whose contract records every call and answers `answer`. */
function fakeConnection(answer: unknown): {
  connection: CarbonConnection;
  calls: { kind: 'submit' | 'evaluate'; name: string; args: string[] }[];
} {
  const calls: { kind: 'submit' | 'evaluate'; name: string; args: string[] }[] = [];
  const contract = {
    newProposal: (name: string, proposal?: { arguments?: string[] }) => ({
      endorse: (): Promise<Transaction> => {
        calls.push({ kind: 'submit', name, args: proposal?.arguments ?? [] });
        const status: Status = {
          blockNumber: 7n,
          code: StatusCode.VALID,
          successful: true,
          transactionId: 'tx1',
        };
        const submitted = { getStatus: () => Promise.resolve(status) } as unknown as SubmittedTransaction;
        return Promise.resolve({
          getResult: () => encode(answer),
          getTransactionId: () => 'tx1',
          submit: () => Promise.resolve(submitted),
        } as unknown as Transaction);
      },
    }),
    evaluateTransaction: (name: string, ...args: string[]): Promise<Uint8Array> => {
      calls.push({ kind: 'evaluate', name, args });
      return Promise.resolve(encode(answer));
    },
  } as unknown as Contract;
  return { connection: { contract } as unknown as CarbonConnection, calls };
}

describe('contract façades', () => {
  test('a write submits Contract:Function with the request as one JSON argument and reports the commit', async () => {
    const { connection, calls } = fakeConnection({ year: 2030, cap: 5 });
    const commits: Commit[] = [];
    const period = new PeriodClient(connection, { onCommit: (commit) => commits.push(commit) });
    const request = {
      year: 2030,
      cap: 5,
      deadlines: { reportBy: 'a', verifyBy: 'b', surrenderBy: 'c' },
      offsetLimitBasisPoints: 500,
      penaltyPerTonne: 10_000,
      currency: 'EUR',
    };
    await expect(period.createPeriod(request)).resolves.toEqual({ year: 2030, cap: 5 });
    expect(calls).toEqual([{ kind: 'submit', name: 'Period:CreatePeriod', args: [JSON.stringify(request)] }]);
    expect(commits).toEqual([
      { transaction: 'Period:CreatePeriod', transactionId: 'tx1', blockNumber: 7n, attempts: 1 },
    ]);
  });

  test('a read evaluates with plain string arguments; JSON-request reads send JSON', async () => {
    const { connection, calls } = fakeConnection([]);
    await new QueryClient(connection).getSupplySummary(2030);
    await new QueryClient(connection).getHistory({ type: 'report', id: [2030, 'INST-1'] });
    await new MarketClient(connection).getTrades({ instrument: 'allowance-2030', day: '2030-01-02' });
    expect(calls).toEqual([
      { kind: 'evaluate', name: 'Query:GetSupplySummary', args: ['2030'] },
      { kind: 'evaluate', name: 'Query:GetHistory', args: ['{"type":"report","id":["2030","INST-1"]}'] },
      {
        kind: 'evaluate',
        name: 'Market:GetTrades',
        args: ['{"instrument":"allowance-2030","day":"2030-01-02"}'],
      },
    ]);
  });

  test('a refusal surfaces as the TransactionError of evaluate', async () => {
    const contract = {
      evaluateTransaction: () => Promise.reject(new Error('connection refused')),
    } as unknown as Contract;
    const query = new QueryClient({ contract } as unknown as CarbonConnection);
    await expect(query.getSupplySummary(2030)).rejects.toBeInstanceOf(TransactionError);
  });
});
