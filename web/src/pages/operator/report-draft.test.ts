import type { EmissionReport } from '@carbon-ets/contract';
import { draftOf, emptyDraft, lotIdsOf, requestOf } from './report-draft';

describe('the emissions report draft', () => {
  it('reads lot ids typed with commas or spaces', () => {
    expect(lotIdsOf(' L1, L2  L3,,')).toEqual(['L1', 'L2', 'L3']);
    expect(lotIdsOf('  ')).toEqual([]);
  });

  it('applies the green certificate lots typed, and sends none when none are', async () => {
    const draft = {
      ...emptyDraft('2196', 'INST1'),
      factorSetId: 'FS1',
      electricityMWh: '1000',
      documentName: 'meter.pdf',
      documentSha256: 'a'.repeat(64),
    };
    expect(await requestOf(draft)).not.toHaveProperty('greenCertificateLotIds');
    expect(await requestOf({ ...draft, greenCertificateLots: 'L1, L2' })).toMatchObject({
      period: 2196,
      installationId: 'INST1',
      activity: [{ kind: 'electricity', quantity: '1000', unit: 'MWh' }],
      greenCertificateLotIds: ['L1', 'L2'],
    });
  });

  it('opens a report with the lots it applied', () => {
    const report = {
      period: 2196,
      installationId: 'INST1',
      factorSet: { id: 'FS1', version: 1 },
      activity: [{ kind: 'electricity', quantity: '1000', unit: 'MWh' }],
      documents: [],
      greenCertificates: { lotIds: ['L1', 'L2'], mwh: 300, zeroRatedKg: 171_090 },
    } as unknown as EmissionReport;
    expect(draftOf(report).greenCertificateLots).toBe('L1, L2');
    expect(draftOf({ ...report, greenCertificates: undefined }).greenCertificateLots).toBe('');
  });
});
