import type { CarbonConnection } from '../../connect';
import { connectAs } from '../../connect';
import { AuctionClient, type AuctionView, MrvClient } from '../../contracts';
import { runCli } from '../carbon';

// No network: the connection is a stub and the façades are spied on, so a test sees what a command sends.
jest.mock('../../connect', () => ({ connectAs: jest.fn() }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--org', 'Regulator', '--user', 'regulator1'], {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
  });
  return { code, out, err };
}

let accredit: jest.SpiedFunction<MrvClient['accreditVerifier']>;
let assign: jest.SpiedFunction<MrvClient['assignVerifier']>;

beforeEach(() => {
  jest.restoreAllMocks();
  jest.mocked(connectAs).mockReset();
  jest.mocked(connectAs).mockReturnValue({ close: jest.fn() } as unknown as CarbonConnection);
  accredit = jest.spyOn(MrvClient.prototype, 'accreditVerifier').mockResolvedValue({
    entityId: 'VER1',
    sectors: ['power', 'steel'],
    validUntil: '2041-12-31T00:00:00Z',
    accreditedAt: '2040-01-01T00:00:00Z',
  });
  assign = jest.spyOn(MrvClient.prototype, 'assignVerifier').mockResolvedValue({
    period: 2040,
    installationId: 'INST-2040-ENT1',
    sector: 'power',
    verifierEntityId: 'VER1',
    assignedAt: '2040-01-01T00:00:00Z',
  });
});

describe('carbon verifier', () => {
  test('accredit sends the entity, the sectors and the date as Mrv:AccreditVerifier takes them', async () => {
    const result = await run(
      'verifier',
      'accredit',
      '--entity',
      'VER1',
      '--sectors',
      'power, steel',
      '--valid-until',
      '2041-12-31',
    );
    expect(result.code).toBe(0);
    expect(accredit).toHaveBeenCalledWith({
      entityId: 'VER1',
      sectors: ['power', 'steel'],
      validUntil: '2041-12-31',
    });
    expect(result.out).toMatch(/sectors\s+power, steel/);
  });

  test('assign sends the period, installation and verifier entity as Mrv:AssignVerifier takes them', async () => {
    const result = await run(
      'verifier',
      'assign',
      '--period',
      '2040',
      '--installation',
      'INST-2040-ENT1',
      '--verifier',
      'VER1',
    );
    expect(result.code).toBe(0);
    expect(assign).toHaveBeenCalledWith({
      period: 2040,
      installationId: 'INST-2040-ENT1',
      verifierEntityId: 'VER1',
    });
  });

  test.each([
    [
      ['verifier', 'accredit', '--entity', 'VER1', '--sectors', 'power', '--valid-until', 'next year'],
      /^error: INVALID_ARGUMENT: accreditation\.validUntil /,
    ],
    [
      ['verifier', 'accredit', '--entity', 'VER1', '--sectors', 'power,power', '--valid-until', '2041-12-31'],
      /^error: INVALID_ARGUMENT: accreditation\.sectors /,
    ],
    [
      ['verifier', 'accredit', '--entity', 'VER1', '--valid-until', '2041-12-31'],
      /^error: --sectors is required$/,
    ],
    [
      ['verifier', 'assign', '--period', '2040', '--installation', 'INST-1'],
      /^error: --verifier is required$/,
    ],
    [
      ['verifier', 'assign', '--period', '1999', '--installation', 'INST-1', '--verifier', 'VER1'],
      /^error: INVALID_ARGUMENT: assignment\.period must be a year between 2000 and 2200$/,
    ],
  ])('%j: one line, exit 1, nothing connected or sent', async (argv, line) => {
    const result = await run(...argv);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    const lines = result.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(connectAs).not.toHaveBeenCalled();
    expect(accredit).not.toHaveBeenCalled();
    expect(assign).not.toHaveBeenCalled();
  });
});

describe('carbon auction show', () => {
  const view: AuctionView = {
    phase: 'cleared',
    auction: {
      id: 'AUC1',
      unitType: 'allowance',
      vintage: 2040,
      quantity: 1_000,
      reservePrice: 5_000,
      currency: 'CNY',
      biddingOpensAt: '2040-02-01T00:00:00Z',
      biddingClosesAt: '2040-02-02T00:00:00Z',
      revealBy: '2040-02-03T00:00:00Z',
      maxShareBasisPoints: 5_000,
      maxPerBidder: 500,
      lockedLotIds: [],
      status: 'cleared',
      scheduledAt: '2040-01-01T00:00:00Z',
      scheduledTxId: 'tx1',
      result: {
        clearingPrice: 6_000,
        demand: 1_200,
        sold: 1_000,
        unsold: 0,
        revenue: '6000000',
        released: '100',
        bidsRevealed: 3,
        bidsUnrevealed: 1,
        allocations: [],
        clearedAt: '2040-02-03T00:00:00Z',
        clearedTxId: 'tx2',
      },
    },
  };

  test('reads the auction by id and prints its phase and result in the period currency', async () => {
    const getAuction = jest.spyOn(AuctionClient.prototype, 'getAuction').mockResolvedValue(view);
    const result = await run('auction', 'show', 'AUC1');
    expect(result.code).toBe(0);
    expect(getAuction).toHaveBeenCalledWith('AUC1');
    expect(result.out).toMatch(/phase\s+cleared/);
    expect(result.out).toMatch(/reserve price\s+CNY 50\.00/);
    expect(result.out).toMatch(/clearing price\s+CNY 60\.00/);
    expect(result.out).toMatch(/revenue\s+CNY 60000\.00/);
  });

  test('without an id: one line, exit 1, nothing connected', async () => {
    const result = await run('auction', 'show');
    expect(result).toEqual({
      code: 1,
      out: '',
      err: "error: missing required argument 'auctionId' — run `carbon auction show --help` for its usage\n",
    });
    expect(connectAs).not.toHaveBeenCalled();
  });
});
