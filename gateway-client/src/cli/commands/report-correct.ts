import { Mrv } from '@carbon-ets/contract';
import type { ReportSubmission } from '../../contracts';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, optionalWhole, readJsonFile, show } from './support';
import { reportSummary } from './report-show';

export const reportCorrectCommand: Command = {
  name: 'report correct',
  summary: 'Operator: replace a report not yet accepted with a corrected version (Mrv:CorrectReport)',
  options: {
    file: { type: 'string', description: 'JSON as for `report submit` (may include reason)' },
    reason: { type: 'string', description: 'why the report is corrected' },
    period: { type: 'string', description: 'overrides the file' },
    installation: { type: 'string', description: 'overrides the file' },
  },
  async run(context) {
    const base = readJsonFile(requiredOption(context, 'file')) as ReportSubmission & { reason?: string };
    const period = optionalWhole(context, 'period');
    const installationId = optionalText(context, 'installation');
    // The file's fields are checked like options: a bad one is refused before anything is sent.
    const request = contractRequest(Mrv.correctReport, {
      ...base,
      reason: optionalText(context, 'reason') ?? base.reason ?? requiredOption(context, 'reason'),
      ...(period === undefined ? {} : { period }),
      ...(installationId === undefined ? {} : { installationId }),
    });
    const report = await facades(context).mrv.correctReport(request);
    show(context, report, reportSummary(report));
  },
};
