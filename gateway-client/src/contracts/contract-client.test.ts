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
    const request = {
      year: 2030,
      cap: 5,
      deadlines: { reportBy: 'a', verifyBy: 'b', surrenderBy: 'c' },
      offsetLimitBasisPoints: 500,
      penaltyPerTonne: 10_000,
      currency: 'EUR',
    };
    const created = {
      ...request,
      materialityThresholdBasisPoints: 500,
      benchmarks: {},
      status: 'open',
      createdAt: '2030-01-01T00:00:00.000Z',
    };
    const { connection, calls } = fakeConnection(created);
    const commits: Commit[] = [];
    const period = new PeriodClient(connection, { onCommit: (commit) => commits.push(commit) });
    await expect(period.createPeriod(request)).resolves.toEqual(created);
    expect(calls).toEqual([{ kind: 'submit', name: 'Period:CreatePeriod', args: [JSON.stringify(request)] }]);
    expect(commits).toEqual([
      { transaction: 'Period:CreatePeriod', transactionId: 'tx1', blockNumber: 7n, attempts: 1 },
    ]);
  });

  test('a read evaluates with plain string arguments; JSON-request reads send JSON', async () => {
    const units = {
      issued: 0,
      heldInNationalAccounts: 0,
      heldByParticipants: 0,
      held: 0,
      locked: 0,
      surrendered: 0,
      retired: 0,
      reconciles: true,
    };
    const summary = fakeConnection({
      period: 2030,
      cap: null,
      allocated: 0,
      allowances: units,
      offsets: units,
      surrenderedForPeriod: { allowances: 0, offsets: 0 },
    });
    await new QueryClient(summary.connection).getSupplySummary(2030);
    const history = fakeConnection({ type: 'report', id: ['2030', 'INST-1'], history: [] });
    // The reference goes as JSON text; a year among the id parts may stay a number.
    await new QueryClient(history.connection).getHistory({ type: 'report', id: [2030, 'INST-1'] });
    const { connection, calls } = fakeConnection([]);
    await new MarketClient(connection).getTrades({ instrument: 'allowance-2030', day: '2030-01-02' });
    expect([...summary.calls, ...history.calls, ...calls]).toEqual([
      { kind: 'evaluate', name: 'Query:GetSupplySummary', args: ['2030'] },
      { kind: 'evaluate', name: 'Query:GetHistory', args: ['{"type":"report","id":[2030,"INST-1"]}'] },
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
