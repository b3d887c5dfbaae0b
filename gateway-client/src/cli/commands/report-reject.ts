import { Mrv } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, show, wholeOption } from './support';
import { reportSummary } from './report-show';

export const reportRejectCommand: Command = {
  name: 'report reject',
  summary: 'Verifier: reject the current version of a report; the operator corrects it (Mrv:RejectReport)',
  options: {
    period: { type: 'string', description: 'the period' },
    installation: { type: 'string', description: 'the installation' },
    version: { type: 'string', description: 'the report version you checked' },
    reason: { type: 'string', description: 'what is wrong' },
  },
  async run(context) {
    const request = contractRequest(Mrv.rejectReport, {
      period: wholeOption(context, 'period'),
      installationId: requiredOption(context, 'installation'),
      version: wholeOption(context, 'version'),
      reason: requiredOption(context, 'reason'),
    });
    const report = await facades(context).mrv.rejectReport(request);
    show(context, report, reportSummary(report));
  },
};
