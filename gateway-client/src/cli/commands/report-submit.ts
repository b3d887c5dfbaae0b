import { Mrv } from '@carbon-ets/contract';
import type { ReportSubmission } from '../../contracts';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, optionalWhole, readJsonFile, show } from './support';
import { reportSummary } from './report-show';

export const reportSubmitCommand: Command = {
  name: 'report submit',
  summary: "Operator: submit an installation's annual emissions report from a JSON file (Mrv:SubmitReport)",
  options: {
    file: {
      type: 'string',
      description:
        'JSON: { period, installationId, factorSetId, factorSetVersion, activity, documents, greenCertificateLotIds? }',
    },
    period: { type: 'string', description: 'overrides the file' },
    installation: { type: 'string', description: 'overrides the file' },
  },
  async run(context) {
    const base = readJsonFile(requiredOption(context, 'file')) as ReportSubmission;
    const period = optionalWhole(context, 'period');
    const installationId = optionalText(context, 'installation');
    // The file's fields are checked like options: a bad one is refused before anything is sent.
    const request = contractRequest(Mrv.submitReport, {
      ...base,
      ...(period === undefined ? {} : { period }),
      ...(installationId === undefined ? {} : { installationId }),
    });
    const report = await facades(context).mrv.submitReport(request);
    show(context, report, reportSummary(report));
  },
};
