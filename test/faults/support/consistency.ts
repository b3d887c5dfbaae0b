import { peer } from '@hyperledger/fabric-protos';
import { connectAs, type CarbonConnection, type FundsBalance } from '@carbon-ets/gateway-client';
import { blockHeight, loadTopology } from '@carbon-ets/network';
import { carbonBin } from '../../support/carbon-bin';
import { reconcileAsAuditor } from '../../support/carbon-cli';
import type { Participant } from '../../support/participants';
import { waitFor } from '../../support/wait-for';
import { depositsApplied, type LoadResult } from './deposit-load';

const topology = loadTopology();

/** Every peer's ledger height, by organisation (undefined where the peer does not answer). */
export async function peerHeights(): Promise<Map<string, number | undefined>> {
  const heights = await Promise.all(
    topology.organizations.map(
      async (org) => [org.name, await blockHeight(topology, org).catch(() => undefined)] as const,
    ),
  );
  return new Map(heights);
}

/** Waits until every peer answers at one height of at least `atLeast`; returns that height. */
export async function samePeerHeight(atLeast: number, timeoutMs = 120_000): Promise<number> {
  let last = new Map<string, number | undefined>();
  try {
    await waitFor(
      'every peer at one height',
      async () => {
        last = await peerHeights();
        const values = [...last.values()];
        return values.every((h) => h !== undefined && h === values[0] && h >= atLeast);
      },
      timeoutMs,
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}: ${JSON.stringify(Object.fromEntries(last))}`);
  }
  return [...last.values()][0] ?? 0;
}

async function validationCodeOn(connection: CarbonConnection, transactionId: string): Promise<number> {
  const bytes = await connection.network
    .getContract('qscc')
    .evaluateTransaction('GetTransactionByID', connection.settings.channel, transactionId);
  return peer.ProcessedTransaction.deserializeBinary(bytes).getValidationcode();
}

/**
 * What every fault test ends with: the peers at one height; every transaction the client saw committed VALID
 * on every peer; each deposit on the ledger at most once, and each one the client saw applied exactly once;
 * `carbon audit reconcile` against `reconcilePeer`'s peer clean (exit 0).
 */
export async function expectConsistentAfter(
  regulator: Participant,
  accountId: string,
  load: LoadResult,
  reconcilePeer: string,
): Promise<void> {
  const lastBlock = load.committed.reduce((max, c) => Math.max(max, Number(c.outcome.blockNumber)), 0);
  await samePeerHeight(lastBlock + 1);

  for (const org of topology.organizations) {
    const user = org.users[0]?.name;
    const connection = connectAs({ organization: org.name, ...(user ? { user } : {}) });
    try {
      const codes = [];
      for (let i = 0; i < load.committed.length; i += 16) {
        codes.push(
          ...(await Promise.all(
            load.committed.slice(i, i + 16).map((c) => validationCodeOn(connection, c.outcome.transactionId)),
          )),
        );
      }
      const invalid = codes.filter((code) => code !== peer.TxValidationCode.VALID).length;
      expect({ peer: org.name, invalid }).toEqual({ peer: org.name, invalid: 0 });
    } finally {
      connection.close();
    }
  }

  const balance = await regulator.evaluate<FundsBalance>('Funds:GetBalance', accountId);
  const applied = depositsApplied(balance);
  const twice = [...applied].filter(([, amounts]) => amounts.length > 1).map(([reference]) => reference);
  expect(twice).toEqual([]);
  for (const deposit of [...load.committed, ...load.appliedEarlier]) {
    expect({ reference: deposit.reference, amounts: applied.get(deposit.reference) }).toEqual({
      reference: deposit.reference,
      amounts: [deposit.amount],
    });
  }
  const sum = [...applied.values()].flat().reduce((a, b) => a + b, 0);
  expect(balance.available).toBe(String(sum));

  const reconcile = await reconcileAsAuditor({ peer: reconcilePeer, run: carbonBin });
  expect({ code: reconcile.code, stderr: reconcile.stderr.trim().split('\n').slice(-3) }).toMatchObject({
    code: 0,
  });
}
