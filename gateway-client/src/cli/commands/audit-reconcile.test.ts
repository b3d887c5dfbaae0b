import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { reconcile, type ReconcileReport } from '../../audit/reconcile';
import type { CarbonConnection } from '../../connect';
import { connectAs } from '../../connect';
import { PeriodClient } from '../../contracts';
import type { CompliancePeriod } from '../../contracts';
import { runCli } from '../carbon';

// No network: the connection is a stub and the reconcile is mocked, so a test sees where the CLI connects.
jest.mock('../../connect', () => ({ connectAs: jest.fn() }));
jest.mock('../../audit/reconcile', () => ({ reconcile: jest.fn() }));

const LOT_LINE =
  'account NATIONAL-ALLOCATION: lot tx.1 is allowance 2120 held ×9000 in the world state, allowance 2120 held ×5000 by history';

function report(mismatches: string[], unsettled: string[] = []): ReconcileReport {
  return {
    channel: 'carbon',
    blocks: 10,
    transactions: 12,
    validTransactions: 12,
    replayedBlocks: 10,
    replayedTransactions: 12,
    replaySeconds: 0.1,
    compareSeconds: 0.1,
    compareQueries: 3,
    totals: [],
    funds: { available: '0', locked: '0' },
    accountsCompared: 1,
    lotsCompared: 1,
    ledgerMoved: unsettled.length > 0,
    mismatches,
    unsettled,
  };
}

let dir: string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const checkpoint = path.join(dir, 'checkpoint.json');
  const code = await runCli(
    ['audit', 'reconcile', ...argv, '--checkpoint', checkpoint, '--org', 'Auditor', '--user', 'auditor1'],
    { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) },
  );
  return { code, out, err };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'audit-reconcile-'));
  jest.restoreAllMocks();
  jest.mocked(connectAs).mockReset();
  jest.mocked(connectAs).mockReturnValue({
    close: jest.fn(),
    settings: { organization: 'Auditor', peerEndpoint: '127.0.0.1:10051' },
  } as unknown as CarbonConnection);
  jest.mocked(reconcile).mockReset();
  jest.spyOn(PeriodClient.prototype, 'getPeriod').mockResolvedValue({ currency: 'CNY' } as CompliancePeriod);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('carbon audit reconcile --peer', () => {
  test("connects as the auditor to the named organisation's peer and says so on stderr", async () => {
    jest.mocked(reconcile).mockResolvedValue(report([]));
    const result = await run('--peer', 'Enterprise2', '--json');
    expect(result.code).toBe(0);
    expect(connectAs).toHaveBeenCalledWith({
      organization: 'Auditor',
      user: 'auditor1',
      gatewayPeer: 'Enterprise2',
    });
    expect(result.err).toContain("world state read from Enterprise2's peer at 127.0.0.1:10051");
    expect(JSON.parse(result.out)).toMatchObject({ mismatches: [] });
  });

  test("without --peer it reads the auditor's own peer", async () => {
    jest.mocked(reconcile).mockResolvedValue(report([]));
    expect((await run('--json')).code).toBe(0);
    expect(connectAs).toHaveBeenCalledWith({ organization: 'Auditor', user: 'auditor1' });
  });

  test('a tampered lot is named and the exit code is 3', async () => {
    jest.mocked(reconcile).mockResolvedValue(report([LOT_LINE]));
    const result = await run('--peer', 'enterprise2');
    expect(result.code).toBe(3);
    expect(result.out).toContain('1 mismatch(es):');
    expect(result.out).toContain(`  ${LOT_LINE}`);
  });

  test('differences on accounts that kept changing are listed as not judged, and the exit code stays 0', async () => {
    jest.mocked(reconcile).mockResolvedValue(report([], [LOT_LINE]));
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.out).toContain('no mismatch.');
    expect(result.out).toContain(
      '1 difference(s) on accounts that transactions changed during every comparison round: not judged; run again when they are quieter:',
    );
    expect(result.out).toContain(`  ${LOT_LINE}`);
  });

  test('an empty --peer is one line, and nothing is connected', async () => {
    const result = await run('--peer', ' ');
    expect(result.code).toBe(1);
    expect(result.err.trim()).toBe('error: --peer needs an organisation name, e.g. --peer Enterprise2');
    expect(connectAs).not.toHaveBeenCalled();
  });
});
