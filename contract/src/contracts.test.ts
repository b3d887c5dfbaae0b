import { Mrv } from './mrv';
import { Period } from './period';
import { Query } from './query';
import { ChaincodeError } from './refusal';
import { parseArgs, parseRequest, requestTexts } from './transaction';

/** The one-line refusal of an action. */
function refusalOf(action: () => unknown): string {
  try {
    action();
  } catch (err) {
    expect(err).toBeInstanceOf(ChaincodeError);
    return (err as ChaincodeError).message;
  }
  throw new Error('expected a refusal');
}

const deadlines = { reportBy: '2031-03-31', verifyBy: '2031-06-30', surrenderBy: '2031-09-30' };
const period = { year: 2030, cap: 5, deadlines, offsetLimitBasisPoints: 500, penaltyPerTonne: 100 };

describe('Period, Mrv and Query requests', () => {
  test('an object keyed by ids checks each key as an id and reads its values in key order', () => {
    const create = (benchmarks: unknown) =>
      parseRequest(Period.createPeriod, JSON.stringify({ ...period, benchmarks }));
    expect(
      create({
        gas: { description: 'gas', value: 0.39, outputUnit: 'MWh' },
        coal: { description: 'coal', value: '0.877', outputUnit: 'MWh' },
      }).benchmarks,
    ).toEqual({
      coal: { description: 'coal', value: '0.877', outputUnit: 'MWh' },
      gas: { description: 'gas', value: '0.39', outputUnit: 'MWh' },
    });
    expect(refusalOf(() => create({ 'no spaces': {} }))).toBe(
      "INVALID_ARGUMENT: period.benchmarks key must be an id of 1-128 letters, digits, '.', '_' or '-'",
    );
    expect(refusalOf(() => create({ coal: { description: 'coal', value: 'x', outputUnit: 'MWh' } }))).toMatch(
      /^INVALID_ARGUMENT: period\.benchmarks\.coal\.value must be/,
    );
    expect(refusalOf(() => create([]))).toBe('INVALID_ARGUMENT: period.benchmarks must be a JSON object');
  });

  test("an activity line's unit and fuel are checked against its kind", () => {
    const report = (activity: unknown) => {
      const texts = requestTexts(Mrv.submitReport, {
        period: 2030,
        installationId: 'INST-1',
        factorSetId: 'CN',
        factorSetVersion: 1,
        activity,
        documents: [{ name: 'meter.pdf', sha256: 'a'.repeat(64) }],
      });
      return parseRequest(Mrv.submitReport, texts.argument, texts.commercial);
    };
    expect(report([{ kind: 'electricity', quantity: 1000, unit: 'GWh' }]).activity).toEqual([
      { kind: 'electricity', quantity: '1000', unit: 'GWh' },
    ]);
    expect(refusalOf(() => report([{ kind: 'fuel', fuel: 'gas', quantity: '1', unit: 'MWh' }]))).toBe(
      'INVALID_ARGUMENT: report.activity[0].unit must be one of t, kt',
    );
    expect(refusalOf(() => report([{ kind: 'fuel', quantity: '1', unit: 't' }]))).toBe(
      'INVALID_ARGUMENT: report.activity[0].fuel is required',
    );
    expect(refusalOf(() => report([{ kind: 'electricity', fuel: 'gas', quantity: '1', unit: 'MWh' }]))).toBe(
      'INVALID_ARGUMENT: report.activity[0].fuel does not apply to an electricity line',
    );
  });

  test('commercial fields travel apart from the argument and are refused in it', () => {
    const request = {
      period: 2030,
      installationId: 'INST-1',
      factorSetId: 'CN',
      factorSetVersion: 1,
      activity: [{ kind: 'electricity', quantity: '5', unit: 'MWh' }],
      documents: [],
    };
    const texts = requestTexts(Mrv.submitReport, request);
    expect(JSON.parse(texts.argument)).toEqual({
      period: 2030,
      installationId: 'INST-1',
      factorSetId: 'CN',
      factorSetVersion: 1,
    });
    expect(JSON.parse(texts.commercial ?? '')).toEqual({ activity: request.activity, documents: [] });
    expect(refusalOf(() => parseRequest(Mrv.submitReport, JSON.stringify(request), undefined))).toBe(
      'INVALID_ARGUMENT: report.activity is commercial data: send it in the transient map under carbon.commercial, never as an argument (arguments are stored in the block)',
    );
    expect(
      refusalOf(() => parseRequest(Mrv.submitReport, texts.argument, JSON.stringify({ period: 2031 }))),
    ).toBe(
      'INVALID_ARGUMENT: report.period is not commercial data: send it as the argument, not in carbon.commercial (accepted there: activity, documents)',
    );
    expect(refusalOf(() => parseRequest(Mrv.submitReport, texts.argument, '[1]'))).toBe(
      'INVALID_ARGUMENT: report (carbon.commercial) must be a JSON object',
    );
    // A transaction without commercial fields sends no transient part.
    expect(requestTexts(Mrv.acceptReport, { period: 2030, installationId: 'I', version: 1 }).commercial).toBe(
      undefined,
    );
  });

  test('an object reference is one JSON argument; a year among its id parts may be a number', () => {
    const reference = (text: string) => parseArgs(Query.getHistory, ['reference'], [text])[0];
    expect(reference('{"type":"report","id":[2030,"INST-1"]}')).toEqual({
      type: 'report',
      id: ['2030', 'INST-1'],
    });
    expect(refusalOf(() => reference('{"type":"nope","id":["A"]}'))).toMatch(
      /^INVALID_ARGUMENT: reference\.type must be one of entity, installation, /,
    );
    expect(refusalOf(() => reference('{"type":"lot","id":["A"],"x":1}'))).toBe(
      'INVALID_ARGUMENT: reference: unknown key "x"; accepted: id, type',
    );
    expect(refusalOf(() => reference('{'))).toMatch(/^INVALID_ARGUMENT: reference is not valid JSON: /);
  });
});
