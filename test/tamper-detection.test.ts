import type { Lot } from '@carbon-ets/gateway-client';
import { formatSerials } from '@carbon-ets/contract';
import {
  blockHeight,
  isAlive,
  loadTopology,
  Progress,
  readPidFile,
  resolveNode,
  restartNode,
  stopNode,
  tamperLotQuantity,
} from '@carbon-ets/network';
import { ensureBaseline, firstFreePeriodYear, periodStartingNow } from './support/baseline';
import { freshCheckpointPath, reconcileAsAuditor } from './support/carbon-cli';
import { holdNodeFaults } from './support/node-faults-lock';
import { participant, type Participant } from './support/participants';
import { waitFor } from './support/wait-for';

const topology = loadTopology();
const progress = new Progress((line) => process.stderr.write(`[tamper] ${line}\n`));
const TAMPERED_ORG = 'Enterprise2';
const peer = resolveNode(topology, 'peer0.enterprise2');
const ISSUED = 5000;
/** Same number of digits as ISSUED: the tamper tool keeps the length of Fabric's encoded value. */
const FORGED = 9000;

/** Stops Enterprise2's peer by its pid, sets the lot's quantity in its state database, starts it again. */
async function rewriteLot(lot: Lot, quantity: number): Promise<{ from: number; to: number }> {
  const record = readPidFile(peer.name);
  if (!record || !isAlive(record)) throw new Error(`${peer.name} is not running`);
  await stopNode(record);
  try {
    return await tamperLotQuantity({ org: TAMPERED_ORG, accountId: lot.accountId, lotId: lot.id, quantity });
  } finally {
    await restartNode(peer.name, progress);
  }
}

/**
 * A lot's quantity is changed in one peer's LevelDB behind the ledger's back; the auditor's reconcile against
 * that peer names the lot and exits 3, against an honest peer it is clean.
 */
describe('tamper detection: a lot changed in one peer’s state database', () => {
  let regulator: Participant;
  let lot: Lot;
  let year = 0;
  let tampered = false;
  let release: (() => void) | undefined;
  const checkpoint = freshCheckpointPath();
  const reconcileAgainst = (org: string) => reconcileAsAuditor({ checkpoint, peer: org });

  beforeAll(async () => {
    release = await holdNodeFaults('tamper-detection');
    regulator = participant('Regulator', 'regulator1');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2165);
    await regulator.submit('Period:CreatePeriod', periodStartingNow(year, 1_000_000));
    lot = await regulator.submit<Lot>('Allowance:IssueAllowances', { period: year, quantity: ISSUED });
    // Enterprise2's peer must hold the lot before it is stopped.
    const regulatorOrg = topology.organizations.find((o) => o.name === 'Regulator');
    const tamperedOrg = topology.organizations.find((o) => o.name === TAMPERED_ORG);
    if (!regulatorOrg || !tamperedOrg) throw new Error('topology lacks Regulator or Enterprise2');
    const height = await blockHeight(topology, regulatorOrg);
    await waitFor(
      `${peer.name} at height ${height}`,
      async () => (await blockHeight(topology, tamperedOrg)) >= height,
    );
  });

  afterAll(async () => {
    try {
      // Later suites must see an honest network again.
      if (tampered) await rewriteLot(lot, ISSUED);
    } finally {
      regulator.connection.close();
      release?.();
    }
  });

  test('reconcile against the tampered peer names the lot and exits 3; against the Regulator’s peer it is clean', async () => {
    expect(lot).toMatchObject({ accountId: 'NATIONAL-ALLOCATION', quantity: ISSUED, vintage: year });

    const change = await rewriteLot(lot, FORGED);
    tampered = true;
    expect(change).toMatchObject({ from: ISSUED, to: FORGED });

    const dishonest = await reconcileAgainst(TAMPERED_ORG);
    expect(dishonest.stderr).toContain(`world state read from ${TAMPERED_ORG}'s peer`);
    expect(dishonest.code).toBe(3);
    expect(dishonest.report.mismatches).toContain(
      // Only the quantity was rewritten: the serials are the same on both sides.
      `account NATIONAL-ALLOCATION: lot ${lot.id} is allowance ${year} held ×${FORGED} serials ${formatSerials(lot)} in the world state, allowance ${year} held ×${ISSUED} serials ${formatSerials(lot)} by history`,
    );
    // Nothing else differs: only this lot, and the supply summary of its vintage that counts it.
    for (const mismatch of dishonest.report.mismatches) {
      expect(mismatch.includes(lot.id) || mismatch.startsWith(`allowance ${year}: held is`)).toBe(true);
    }

    const honest = await reconcileAgainst('Regulator');
    expect(honest.code).toBe(0);
    expect(honest.report.mismatches).toEqual([]);
  });

  test('once the quantity is written back, the peer reconciles clean again', async () => {
    const change = await rewriteLot(lot, ISSUED);
    tampered = false;
    expect(change).toMatchObject({ from: FORGED, to: ISSUED });
    const again = await reconcileAgainst(TAMPERED_ORG);
    expect(again.code).toBe(0);
    expect(again.report.mismatches).toEqual([]);
  });
});
