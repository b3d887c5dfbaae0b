import { Allowance } from './allowance';
import { ChaincodeError } from './refusal';
import { parseArgs, parseRequest, qualifiedName } from './transaction';

/** The one-line refusal of a request text. */
function refusalOf(action: () => unknown): string {
  try {
    action();
  } catch (err) {
    expect(err).toBeInstanceOf(ChaincodeError);
    return (err as ChaincodeError).message;
  }
  throw new Error('expected a refusal');
}

describe('wire contract requests', () => {
  test('a valid request parses to its typed output (years and quantities as numbers, decimals as written)', () => {
    expect(parseRequest(Allowance.issueAllowances, '{"period":"2030","quantity":500}')).toEqual({
      period: 2030,
      quantity: 500,
    });
    expect(
      parseRequest(
        Allowance.setAllocationPlan,
        '{"period":2030,"lines":[{"installationId":"INST-1","method":"benchmark","benchmarkId":"gas","correctionFactors":[0.9,"1.50"],"ceiling":"500"}]}',
      ),
    ).toEqual({
      period: 2030,
      lines: [
        {
          installationId: 'INST-1',
          method: 'benchmark',
          benchmarkId: 'gas',
          correctionFactors: ['0.9', '1.50'],
          ceiling: 500,
        },
      ],
    });
  });

  test('an unknown key is refused naming it and the accepted keys', () => {
    expect(
      refusalOf(() => parseRequest(Allowance.transfer, '{"fromAccount":"A","toAccount":"B","quantitty":1}')),
    ).toBe(
      'INVALID_ARGUMENT: transfer: unknown key "quantitty"; accepted: fromAccount, lotIds, quantity, toAccount, vintage',
    );
  });

  test('numbers are judged on their JSON text, before anything rounds them', () => {
    expect(
      refusalOf(() =>
        parseRequest(Allowance.issueAllowances, '{"period":2030,"quantity":7.0000000000000001}'),
      ),
    ).toBe('INVALID_ARGUMENT: issuance.quantity must be a whole number, got 7.0000000000000001');
    expect(
      refusalOf(() => parseRequest(Allowance.issueAllowances, '{"period":2030,"quantity":1e3}')),
    ).toMatch(/^INVALID_ARGUMENT: issuance\.quantity must be a whole number/);
  });

  test('a missing field, a nested item and a repeated id are named by their path', () => {
    expect(refusalOf(() => parseRequest(Allowance.issueAllowances, '{"quantity":5}'))).toBe(
      'INVALID_ARGUMENT: issuance.period is required',
    );
    expect(
      refusalOf(() =>
        parseRequest(
          Allowance.setAllocationPlan,
          '{"period":2030,"lines":[{"installationId":"I","method":"benchmark","benchmarkId":"gas","correctionFactors":["1","-2"],"ceiling":1}]}',
        ),
      ),
    ).toMatch(/^INVALID_ARGUMENT: plan\.lines\[0\]\.correctionFactors\[1\] must be a non-negative decimal/);
    expect(
      refusalOf(() =>
        parseRequest(
          Allowance.transfer,
          '{"fromAccount":"A","toAccount":"B","quantity":1,"lotIds":["L1","L1"]}',
        ),
      ),
    ).toBe('INVALID_ARGUMENT: transfer.lotIds contains the same id twice');
  });

  test('malformed JSON and a key given twice are refused in one line', () => {
    expect(refusalOf(() => parseRequest(Allowance.issueAllowances, '{"period":2030,'))).toMatch(
      /^INVALID_ARGUMENT: issuance is not valid JSON: /,
    );
    expect(
      refusalOf(() => parseRequest(Allowance.issueAllowances, '{"period":2030,"period":2031,"quantity":1}')),
    ).toMatch(/^INVALID_ARGUMENT: issuance: /);
  });

  test("a read's positional arguments are checked and named", () => {
    expect(parseArgs(Allowance.getLot, ['accountId', 'lotId'], ['ACC-1', 'tx.1'])).toEqual(['ACC-1', 'tx.1']);
    expect(refusalOf(() => parseArgs(Allowance.getLot, ['accountId', 'lotId'], ['ACC 1', 'tx.1']))).toBe(
      "INVALID_ARGUMENT: accountId must be an id of 1-128 letters, digits, '.', '_' or '-'",
    );
  });

  test('every transaction names its contract, function and callers', () => {
    expect(qualifiedName(Allowance.trueUp)).toBe('Allowance:TrueUp');
    expect(Allowance.trueUp.roles).toEqual(['regulator']);
    expect(Allowance.returnAllocation.roles).toEqual(['operator']);
    expect(Allowance.getLot.kind).toBe('evaluate');
  });
});
