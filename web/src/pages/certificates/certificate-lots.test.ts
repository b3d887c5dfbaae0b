import type { AccountHoldings, Lot } from '@carbon-ets/contract';
import { certificateLotIds, certificateTotals, serialsText } from './certificate-lots';

const lot = (id: string, quantity: number, extra: Partial<Lot> = {}): Lot => ({
  id,
  accountId: 'HOLD1',
  unitType: 'greenCertificate',
  vintage: 2196,
  deviceId: 'DEV1',
  productionPeriod: { from: '2196-01-01', to: '2196-01-31' },
  serialStart: 1,
  serialEnd: quantity,
  quantity,
  status: 'held',
  origin: 'issuance',
  createdAt: '2196-02-01T00:00:00Z',
  createdTxId: 'tx',
  ...extra,
});

const group = (unitType: Lot['unitType'], ids: string[]) => ({
  unitType,
  vintage: 2196,
  projectId: null,
  status: 'held' as const,
  quantity: 0,
  locked: 0,
  lots: ids.map((id) => ({ id, serialStart: 1, serialEnd: 1, quantity: 1, lockedBy: null })),
});

describe('green certificate lots of an account', () => {
  it('picks the certificate lots out of the holdings', () => {
    const holdings = {
      account: {} as AccountHoldings['account'],
      holdings: [
        group('allowance', ['A1']),
        group('greenCertificate', ['G1', 'G2']),
        group('offset', ['O1']),
      ],
    } as AccountHoldings;
    expect(certificateLotIds(holdings)).toEqual(['G1', 'G2']);
  });

  it('states serials as one range or the ranges a consolidated lot holds', () => {
    expect(serialsText({ serialStart: 1, serialEnd: 300 })).toBe('1–300');
    expect(serialsText({ serialStart: 1_001, serialEnd: 1_001 })).toBe('1,001');
    expect(
      serialsText({
        serialStart: 1,
        serialEnd: 300,
        serialRanges: [
          { start: 1, end: 100 },
          { start: 201, end: 300 },
        ],
      }),
    ).toBe('1–100, 201–300');
  });

  it('adds up MWh held and free to move', () => {
    expect(certificateTotals([lot('G1', 300), lot('G2', 200, { lockedBy: 'approval-1' })])).toEqual({
      held: 500,
      free: 300,
    });
    expect(certificateTotals([])).toEqual({ held: 0, free: 0 });
  });
});
