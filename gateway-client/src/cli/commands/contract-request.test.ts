import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Allowance } from '@carbon-ets/contract';
import type { CarbonConnection } from '../../connect';
import { connectAs } from '../../connect';
import { AllowanceClient, ComplianceClient, MarketClient, MrvClient, OffsetClient } from '../../contracts';
import type { Lot } from '../../contracts';
import { ExpectedError } from '../command';
import { runCli } from '../carbon';
import { contractRequest } from './contract-request';

// No network: the connection is a stub and the façades are spied on, so a test sees whether a command
// connected and what it would have submitted.
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

/** The façade writes the commands below would call: none may be reached with a bad option. */
const writes = () => [
  jest.spyOn(AllowanceClient.prototype, 'transfer'),
  jest.spyOn(OffsetClient.prototype, 'transferOffsets'),
  jest.spyOn(ComplianceClient.prototype, 'surrender'),
  jest.spyOn(ComplianceClient.prototype, 'closePeriod'),
  jest.spyOn(MarketClient.prototype, 'placeOrder'),
  jest.spyOn(MrvClient.prototype, 'submitReport'),
];

let issueAllowances: jest.SpiedFunction<AllowanceClient['issueAllowances']>;
// Only asserted never called, so their own signatures do not matter here.
let spies: unknown[];

beforeEach(() => {
  jest.restoreAllMocks();
  jest.mocked(connectAs).mockReset();
  jest.mocked(connectAs).mockReturnValue({ close: jest.fn() } as unknown as CarbonConnection);
  issueAllowances = jest.spyOn(AllowanceClient.prototype, 'issueAllowances');
  spies = [issueAllowances, ...writes()];
});

/** A report file as `report submit --file` takes it, with `change` applied. */
function reportFile(change: Record<string, unknown>): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'carbon-report-')), 'report.json');
  const report = {
    period: 2030,
    installationId: 'INST-1',
    factorSetId: 'IPCC2006',
    factorSetVersion: 1,
    activity: [{ kind: 'electricity', quantity: '1000', unit: 'MWh' }],
    documents: [{ name: 'invoices.pdf', sha256: 'a'.repeat(64) }],
    ...change,
  };
  writeFileSync(file, JSON.stringify(report));
  return file;
}

describe('write options are checked against the wire contract before any connection', () => {
  test.each([
    [
      ['allowances', 'issue', '--period', '1999', '--quantity', '10'],
      'error: INVALID_ARGUMENT: issuance.period must be a year between 2000 and 2200',
    ],
    [
      ['allowances', 'issue', '--period', '2030', '--quantity', '0'],
      'error: INVALID_ARGUMENT: issuance.quantity must be greater than zero',
    ],
    // Whole numbers keep the CLI's own parsing (and its line), which runs first.
    [
      ['allowances', 'issue', '--period', '2030', '--quantity', '1.5'],
      'error: --quantity must be a whole number, got "1.5"',
    ],
    [
      ['transfer', '--from', 'HOLD-1', '--to', 'TRADE 1', '--quantity', '5'],
      "error: INVALID_ARGUMENT: transfer.toAccount must be an id of 1-128 letters, digits, '.', '_' or '-'",
    ],
    [
      [
        'transfer',
        '--offsets',
        '--from',
        'HOLD-1',
        '--to',
        'TRADE-1',
        '--quantity',
        '5',
        '--vintage',
        '2201',
      ],
      'error: INVALID_ARGUMENT: transfer.vintage must be a year between 2000 and 2200',
    ],
    [
      ['surrender', '--period', '2030', '--installation', 'INST 1', '--quantity', '5'],
      "error: INVALID_ARGUMENT: surrender.installationId must be an id of 1-128 letters, digits, '.', '_' or '-'",
    ],
    [
      ['period', 'close', '1999'],
      'error: INVALID_ARGUMENT: closing.period must be a year between 2000 and 2200',
    ],
    [
      [
        'order',
        'place',
        '--account',
        'TRADE 1',
        '--side',
        'buy',
        '--instrument',
        'allowance-2030',
        '--price',
        '60.50',
        '--quantity',
        '10',
      ],
      "error: INVALID_ARGUMENT: order.accountId must be an id of 1-128 letters, digits, '.', '_' or '-'",
    ],
    [
      ['report', 'submit', '--file', reportFile({ factorSetVersion: 1.5 })],
      'error: INVALID_ARGUMENT: report.factorSetVersion must be a whole number, got 1.5',
    ],
    [
      ['report', 'submit', '--file', reportFile({ colour: 'green' })],
      'error: INVALID_ARGUMENT: report: unknown key "colour"; accepted: activity, documents, factorSetId, factorSetVersion, greenCertificateLotIds, installationId, period',
    ],
    // An option overriding the file is checked like the file.
    [
      ['report', 'submit', '--file', reportFile({}), '--installation', 'INST/1'],
      "error: INVALID_ARGUMENT: report.installationId must be an id of 1-128 letters, digits, '.', '_' or '-'",
    ],
  ])('%j: one line naming the field, exit 1, nothing connected or submitted', async (argv, line) => {
    const result = await run(...argv);
    expect(result).toEqual({ code: 1, out: '', err: `${line}\n` });
    expect(connectAs).not.toHaveBeenCalled();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  test('a valid request reaches the façade unchanged', async () => {
    issueAllowances.mockResolvedValue({
      id: 'LOT-1',
      accountId: 'NATIONAL-ALLOCATION',
      vintage: 2030,
      serialStart: 1,
      serialEnd: 10,
      quantity: 10,
    } as Lot);
    const result = await run('allowances', 'issue', '--period', '2030', '--quantity', '10');
    expect(result.code).toBe(0);
    expect(connectAs).toHaveBeenCalledTimes(1);
    expect(issueAllowances).toHaveBeenCalledWith({ period: 2030, quantity: 10 });
  });
});

describe('contractRequest', () => {
  test('returns the request as given, not its parsed form', () => {
    const request = { period: '2030', quantity: 10 };
    expect(contractRequest(Allowance.issueAllowances, request)).toBe(request);
  });

  test("a refusal is an ExpectedError (exit 1) with the chaincode's line", () => {
    let thrown: unknown;
    try {
      contractRequest(Allowance.issueAllowances, { period: 2030, quantity: 0 });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ExpectedError);
    expect(thrown).toMatchObject({
      message: 'INVALID_ARGUMENT: issuance.quantity must be greater than zero',
      userFixable: true,
    });
  });
});
