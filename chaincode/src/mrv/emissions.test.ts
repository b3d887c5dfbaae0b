import type { EmissionFactorSet } from '../period/emission-factors';
import { lineEmissionsKg, reportEmissions } from './emissions';

const factors: EmissionFactorSet = {
  id: 'IPCC2006',
  version: 1,
  description: 'test',
  fuels: {
    natural_gas: { ncv: '48.0', emissionFactor: '56100', oxidation: '1' },
    diesel: { ncv: '43.0', emissionFactor: '74100', oxidation: '1' },
    coal: { ncv: '25.8', carbonContent: '25.8', oxidation: '0.98' },
    broken: { ncv: '1', oxidation: '1' },
  },
  gridFactor: '0.5703',
  publishedAt: '2025-01-01T00:00:00.000Z',
};

describe('emission arithmetic', () => {
  it('natural gas: 1,000 t × 48.0 GJ/t × 56,100 kg/TJ = 2,692.8 t CO2', () => {
    const result = reportEmissions(
      [{ kind: 'fuel', fuel: 'natural_gas', quantity: '1000', unit: 't' }],
      factors,
    );
    expect(result.totalKg).toBe(2_692_800);
    expect(result.totalTonnes).toBe(2_693); // rounded up to whole tonnes
  });

  it('grid electricity: 1,000 MWh × 0.5703 t/MWh = 570.3 t CO2', () => {
    const result = reportEmissions([{ kind: 'electricity', quantity: '1000', unit: 'MWh' }], factors);
    expect(result.totalKg).toBe(570_300);
    expect(result.totalTonnes).toBe(571);
    expect(reportEmissions([{ kind: 'electricity', quantity: '1', unit: 'GWh' }], factors).totalKg).toBe(
      570_300,
    );
  });

  it('sums exact lines before rounding once', () => {
    const result = reportEmissions(
      [
        { kind: 'fuel', fuel: 'natural_gas', quantity: '1', unit: 'kt' },
        { kind: 'electricity', quantity: '1000', unit: 'MWh' },
        { kind: 'fuel', fuel: 'diesel', quantity: '0.001', unit: 't' },
      ],
      factors,
    );
    // diesel: 0.001 × 43.0 × 74100 / 1000 = 3.1863 kg
    expect(result.lines.map((l) => l.emissionsKg)).toEqual([2_692_800, 570_300, 3]);
    expect(result.totalKg).toBe(3_263_103);
    expect(result.totalTonnes).toBe(3_264);
  });

  it('carbon content uses the exact ratio 44/12', () => {
    // 100 t × 25.8 GJ/t × 25.8 tC/TJ × 0.98 × 44/12 = 239,186.64 kg
    const exact = lineEmissionsKg({ kind: 'fuel', fuel: 'coal', quantity: '100', unit: 't' }, factors);
    expect(Number(exact.numerator) / Number(exact.denominator)).toBeCloseTo(239_186.64, 6);
    expect(
      reportEmissions([{ kind: 'fuel', fuel: 'coal', quantity: '100', unit: 't' }], factors).totalKg,
    ).toBe(239_187);
  });

  it('names unknown fuels and incomplete factors', () => {
    expect(() =>
      reportEmissions([{ kind: 'fuel', fuel: 'peat', quantity: '1', unit: 't' }], factors),
    ).toThrow('NOT_FOUND: fuel peat is not in emission factor set IPCC2006 version 1');
    expect(() =>
      reportEmissions([{ kind: 'fuel', fuel: 'broken', quantity: '1', unit: 't' }], factors),
    ).toThrow('neither an emission factor nor a carbon content');
  });
});
