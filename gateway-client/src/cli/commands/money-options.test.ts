import type { CarbonConnection } from '../../connect';
import { connectAs } from '../../connect';
import { FundsClient, MarketClient, PeriodClient } from '../../contracts';
import type { CashEntry, CompliancePeriod, Instrument, Order, Proposal } from '../../contracts';
import { TransactionError } from '../../transaction-error';
import { runCli } from '../carbon';

// No network: the CLI's connection is a stub and the façade methods are spied on, so a test sees exactly
// what a command would submit.
jest.mock('../../connect', () => ({ connectAs: jest.fn() }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--org', 'Enterprise1', '--user', 'trader1'], {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
  });
  return { code, out, err };
}

const order = (price: number, escrow: string): Order =>
  ({
    id: 'order-1',
    accountId: 'TRADE1',
    side: 'buy',
    instrument: 'allowance-2030',
    price,
    quantity: 10,
    status: 'open',
    escrow,
    expiresAt: '2030-06-01T23:59:59.999Z',
  }) as Order;

let placeOrder: jest.SpiedFunction<MarketClient['placeOrder']>;
let getPeriod: jest.SpiedFunction<PeriodClient['getPeriod']>;

beforeEach(() => {
  jest.restoreAllMocks();
  jest.mocked(connectAs).mockReset();
  jest.mocked(connectAs).mockReturnValue({ close: jest.fn() } as unknown as CarbonConnection);
  getPeriod = jest
    .spyOn(PeriodClient.prototype, 'getPeriod')
    .mockResolvedValue({ year: 2030, currency: 'CNY' } as CompliancePeriod);
  placeOrder = jest
    .spyOn(MarketClient.prototype, 'placeOrder')
    .mockImplementation((request) => Promise.resolve(order(request.price, String(request.price * 10))));
});

describe('money options: typed with two decimals, submitted as exact minor units', () => {
  test('--price 60.50 reaches the façade as 6050 minor units and prints as CNY 60.50', async () => {
    const result = await run(
      'order',
      'place',
      '--account',
      'TRADE1',
      '--side',
      'buy',
      '--instrument',
      'allowance-2030',
      '--price',
      '60.50',
      '--quantity',
      '10',
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(placeOrder).toHaveBeenCalledTimes(1);
    expect(placeOrder.mock.calls[0]?.[0]).toEqual({
      accountId: 'TRADE1',
      side: 'buy',
      instrument: 'allowance-2030',
      price: 6050,
      quantity: 10,
    });
    // The instrument's vintage names the period whose currency the prices are in.
    expect(getPeriod).toHaveBeenCalledWith(2030);
    expect(result.out).toMatch(/^price\s+CNY 60\.50$/m);
    expect(result.out).toMatch(/^escrow\s+CNY 605\.00$/m);
  });

  test.each([
    ['60.5', 6050],
    ['60', 6000],
    ['0.01', 1],
  ])('--price %s is %d minor units', async (price, minor) => {
    const result = await run(
      'order',
      'place',
      '--account',
      'TRADE1',
      '--side',
      'sell',
      '--instrument',
      'allowance-2030',
      '--price',
      price,
      '--quantity',
      '10',
    );
    expect(result.code).toBe(0);
    expect(placeOrder.mock.calls[0]?.[0]).toMatchObject({ price: minor });
  });

  test.each([
    ['60.505', 'error: --price has more than two decimals (the smallest amount is 0.01), got "60.505"'],
    [
      '-1',
      'error: --price takes no sign: write the amount as digits with at most two decimals, e.g. 60.50, got "-1"',
    ],
    [
      '1e3',
      'error: --price must be an amount with at most two decimals, e.g. 60.50 (digits only: no exponent or separators), got "1e3"',
    ],
    ['90071992547409.92', 'error: --price is too large (at most 90071992547409.91)'],
  ])(
    '--price %s is refused with one line, before any connection, and nothing is submitted',
    async (price, line) => {
      const result = await run(
        'order',
        'place',
        '--account',
        'TRADE1',
        '--side',
        'buy',
        '--instrument',
        'allowance-2030',
        // `=` so that a leading minus reaches the money parser instead of the option parser.
        `--price=${price}`,
        '--quantity',
        '10',
      );
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toBe(`${line}\n`);
      expect(connectAs).not.toHaveBeenCalled();
      expect(placeOrder).not.toHaveBeenCalled();
    },
  );

  test('a deposit beyond 2^53 minor units travels as an exact decimal string', async () => {
    const deposit = jest
      .spyOn(FundsClient.prototype, 'deposit')
      .mockImplementation((request) =>
        Promise.resolve({ id: 'cash-1', accountId: request.accountId, amount: request.amount } as CashEntry),
      );
    const result = await run('funds', 'deposit', '--account', 'TRADE1', '--amount', '123456789012345678.90');
    expect(result.code).toBe(0);
    expect(deposit.mock.calls[0]?.[0]).toEqual({ accountId: 'TRADE1', amount: '12345678901234567890' });
    expect(result.out).toMatch(/^amount\s+CNY 123456789012345678\.90$/m);
  });

  test('funds are shown in the currency of --period, and in the default one when that period does not exist', async () => {
    jest
      .spyOn(FundsClient.prototype, 'deposit')
      .mockResolvedValue({ id: 'cash-1', accountId: 'TRADE1', amount: '100' } as CashEntry);
    getPeriod.mockResolvedValueOnce({ year: 2031, currency: 'EUR' } as CompliancePeriod);
    const eur = await run('funds', 'deposit', '--account', 'TRADE1', '--amount', '1', '--period', '2031');
    expect(getPeriod).toHaveBeenLastCalledWith(2031);
    expect(eur.out).toMatch(/^amount\s+EUR 1\.00$/m);

    getPeriod.mockRejectedValueOnce(new TransactionError('REJECTED', 'NOT_FOUND: compliance period 2032'));
    const missing = await run('funds', 'deposit', '--account', 'TRADE1', '--amount', '1', '--period', '2032');
    expect(missing.out).toMatch(/^amount\s+CNY 1\.00$/m);
  });

  test('market configure takes the reference price and the tick in currency units', async () => {
    const configure = jest
      .spyOn(MarketClient.prototype, 'configureInstrument')
      .mockImplementation((request) =>
        Promise.resolve({ id: 'allowance-2030', tick: 1, minQuantity: 1, ...request } as Instrument),
      );
    const result = await run(
      'market',
      'configure',
      '--instrument',
      'allowance-2030',
      '--reference-price',
      '60',
      '--tick',
      '0.05',
    );
    expect(result.code).toBe(0);
    expect(configure.mock.calls[0]?.[0]).toEqual({
      unitType: 'allowance',
      vintage: 2030,
      referencePrice: 6000,
      tick: 5,
    });
    expect(result.out).toMatch(/^referencePrice\s+CNY 60\.00$/m);
  });

  /** `carbon trade propose` of 5 t at 61.50, with more options. */
  const propose5At61Point5 = (...more: string[]) =>
    run(
      ...['trade', 'propose', '--account', 'TRADE1', '--buyer', 'ENT2', '--instrument', 'allowance-2030'],
      ...['--price', '61.5', '--quantity', '5', ...more],
    );

  test('trade propose takes --price in currency units', async () => {
    const propose = jest
      .spyOn(MarketClient.prototype, 'proposeTrade')
      .mockImplementation((request) => Promise.resolve({ id: 'p-1', ...request } as unknown as Proposal));
    const result = await propose5At61Point5();
    expect(result.code).toBe(0);
    expect(propose.mock.calls[0]?.[0]).toMatchObject({ price: 6150 });
    expect(result.out).toMatch(/^price\s+CNY 61\.50$/m);
  });

  test('trade propose --off-channel sends --price as the private agreed price with a nonce it draws', async () => {
    // The chaincode answers the public proposal: without the price.
    const propose = jest
      .spyOn(MarketClient.prototype, 'proposeTrade')
      .mockResolvedValue({ id: 'p-1', status: 'open', settlement: 'off-channel', quantity: 5 } as Proposal);
    const first = await propose5At61Point5('--off-channel');
    const second = await propose5At61Point5('--off-channel');
    expect([first.code, second.code]).toEqual([0, 0]);
    const [sent, again] = propose.mock.calls.map(([request]) => request);
    expect(sent).toMatchObject({ agreedPrice: 6150, quantity: 5 });
    expect(sent?.price).toBeUndefined();
    expect(sent?.priceNonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // Each proposal draws its own nonce.
    expect(again?.priceNonce).not.toBe(sent?.priceNonce);
    expect(first.out).toMatch(/^agreedPrice\s+CNY 61\.50 \(private\)$/m);
    expect(first.out).toContain(`priceNonce    ${sent?.priceNonce ?? ''}`);
    expect(first.out).toContain(
      `carbon trade accept --proposal p-1 --account <account> --agreed-price 61.50 --price-nonce ${sent?.priceNonce ?? ''}`,
    );
  });

  test('trade accept sends --agreed-price and --price-nonce, and takes neither without the other', async () => {
    const offered = { id: 'p-1', instrument: 'allowance-2030', settlement: 'off-channel' } as Proposal;
    jest.spyOn(MarketClient.prototype, 'getProposal').mockResolvedValue(offered);
    const accept = jest.spyOn(MarketClient.prototype, 'acceptTrade').mockResolvedValue({
      proposal: { ...offered, status: 'accepted' },
      trade: { id: 't-1', quantity: 5, settlement: 'off-channel' },
    } as Awaited<ReturnType<MarketClient['acceptTrade']>>);
    const argv = ['trade', 'accept', '--proposal', 'p-1', '--account', 'TRADE2'];
    const nonce = 'AAAAAAAAAAAAAAAAAAAAAA';
    const result = await run(...argv, '--agreed-price', '61.50', '--price-nonce', nonce);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(accept.mock.calls[0]?.[0]).toEqual({
      proposalId: 'p-1',
      accountId: 'TRADE2',
      agreedPrice: 6150,
      priceNonce: nonce,
    });
    expect(result.out).toMatch(/^settlement\s+off-channel \(delivered free of payment/m);
    expect(result.out).toMatch(/^agreedPrice\s+CNY 61\.50 \(private\)$/m);
    const alone = await run(...argv, '--agreed-price', '61.50');
    expect(alone).toMatchObject({
      code: 1,
      err: 'error: --agreed-price and --price-nonce go together (an off-channel proposal)\n',
    });
    expect(accept).toHaveBeenCalledTimes(1);
  });

  test('period create takes the penalty in currency units and leaves the currency to the period default', async () => {
    const create = jest.spyOn(PeriodClient.prototype, 'createPeriod').mockImplementation((request) =>
      Promise.resolve({
        ...request,
        currency: request.currency ?? 'CNY',
        benchmarks: {},
        status: 'open',
      } as unknown as CompliancePeriod),
    );
    const argv = [
      'period',
      'create',
      '--year',
      '2030',
      '--cap',
      '1000',
      '--report-by',
      '2031-03-31',
      '--verify-by',
      '2031-06-30',
      '--surrender-by',
      '2031-09-30',
      '--penalty',
      '600',
    ];
    const result = await run(...argv);
    expect(result.code).toBe(0);
    expect(create.mock.calls[0]?.[0]).toMatchObject({ penaltyPerTonne: 60_000 });
    expect(create.mock.calls[0]?.[0]).not.toHaveProperty('currency');
    expect(result.out).toMatch(/^penaltyPerTonne\s+CNY 600\.00$/m);

    const lowercase = await run(...argv, '--currency', 'eur');
    expect(lowercase.code).toBe(1);
    expect(lowercase.err).toBe(
      'error: --currency must be an ISO 4217 currency code of three capital letters, e.g. CNY\n',
    );
    expect(create).toHaveBeenCalledTimes(1);
  });
});
