/**
 * Chaincode-to-peer messages per transaction of the benchmark's workloads, counted on the in-memory chaincode
 * stub (no network; the stub sends what fabric-shim would send). Each message is a round trip between a
 * chaincode server and its peer on every endorsing peer, and most of what a workload costs beyond a blind write
 * (BENCHMARKS.md, "Per workload and kind of process").
 *
 *   npx ts-node bench/peer-messages.ts
 */
import '../chaincode/src/testing/quiet-logs';
import { SystemContract } from '../chaincode/src/contracts/system-contract';
import { Users } from '../chaincode/src/testing/identities';
import { marketScenario, placeOrder } from '../chaincode/src/testing/market';
import type { MemoryStub, PeerMessage } from '../chaincode/src/testing/memory-stub';
import { cc, Fixtures, submit, tx } from '../chaincode/src/testing/scenario';
import type { TestLedger } from '../chaincode/src/testing/test-ledger';

interface Counted {
  readonly workload: string;
  readonly messages: readonly PeerMessage[];
}

const transfer = tx(cc.allowance, 'Transfer');
const heartbeat = tx(new SystemContract(), 'Heartbeat');

function lastMessages(ledger: TestLedger): readonly PeerMessage[] {
  const stub: MemoryStub | undefined = ledger.lastStub;
  if (stub === undefined) throw new Error('no transaction ran');
  return stub.peerMessages();
}

/** Runs each workload's transaction twice on the market scenario and keeps the second one's messages. */
async function countWorkloads(): Promise<Counted[]> {
  const ledger = await marketScenario();
  const counted: Counted[] = [];
  const twice = async (workload: string, run: () => Promise<unknown>): Promise<void> => {
    await run();
    await run();
    counted.push({ workload, messages: lastMessages(ledger) });
  };
  let beat = 0;
  await twice('System:Heartbeat (the ceiling)', () =>
    submit(ledger, Users.trader1, heartbeat, `peer-messages-${(beat += 1)}`),
  );
  let lotId = '';
  await twice('Allowance:Transfer naming its lot (as the bench)', async () => {
    const named = lotId === '' ? {} : { lotIds: [lotId] };
    const answer = (await submit(ledger, Users.trader1, transfer, {
      fromAccount: 'TRADE1',
      toAccount: 'HOLD1',
      quantity: 1,
      ...named,
    })) as { remainders: { id: string }[] };
    lotId = answer.remainders[0]?.id ?? lotId;
  });
  await twice('Allowance:Transfer, lots picked by the chaincode', () =>
    submit(ledger, Users.trader1, transfer, { fromAccount: 'TRADE1', toAccount: 'HOLD1', quantity: 1 }),
  );
  await twice('Market:PlaceOrder, buy (as the bench)', () => placeOrder(ledger, 'TRADE2', 'buy', 9_000, 1));
  await twice('Market:PlaceOrder, sell', () => placeOrder(ledger, 'TRADE1', 'sell', 11_000, 1));
  ledger.setTime('2026-03-01T00:00:00Z');
  await submit(ledger, Users.operator1, tx(cc.mrv, 'SubmitReport'), Fixtures.report());
  await twice('Mrv:CorrectReport (as the bench)', () =>
    submit(ledger, Users.operator1, tx(cc.mrv, 'CorrectReport'), {
      ...Fixtures.report(),
      reason: 'benchmark correction',
    }),
  );
  return counted;
}

const COLUMNS: readonly { readonly title: string; readonly types: readonly PeerMessage[] }[] = [
  { title: 'point reads', types: ['GET_STATE', 'GET_PRIVATE_DATA_HASH', 'GET_STATE_METADATA'] },
  { title: 'range reads', types: ['GET_STATE_BY_RANGE', 'GET_HISTORY_FOR_KEY', 'QUERY_STATE_NEXT'] },
  { title: 'iterator closes', types: ['QUERY_STATE_CLOSE'] },
  { title: 'writes', types: ['PUT_STATE', 'DEL_STATE'] },
  { title: 'key-level policies', types: ['PUT_STATE_METADATA'] },
];

async function main(): Promise<void> {
  const counted = await countWorkloads();
  const lines = [
    '| workload | ' + COLUMNS.map((c) => c.title).join(' | ') + ' | messages |',
    '| --- | ' + COLUMNS.map(() => '---:').join(' | ') + ' | ---: |',
    ...counted.map(
      ({ workload, messages }) =>
        `| ${workload} | ` +
        COLUMNS.map((c) => messages.filter((m) => c.types.includes(m)).length).join(' | ') +
        ` | ${messages.length} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
