import { Mrv } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, show, wholeOption } from './support';
import { reportSummary } from './report-show';

export const reportAcceptCommand: Command = {
  name: 'report accept',
  summary: 'Regulator: accept a verified report: its emissions become the obligation (Mrv:AcceptReport)',
  options: {
    period: { type: 'string', description: 'the period' },
    installation: { type: 'string', description: 'the installation' },
    version: { type: 'string', description: 'the verified version' },
  },
  async run(context) {
    const request = contractRequest(Mrv.acceptReport, {
      period: wholeOption(context, 'period'),
      installationId: requiredOption(context, 'installation'),
      version: wholeOption(context, 'version'),
    });
    const report = await facades(context).mrv.acceptReport(request);
    show(context, report, reportSummary(report));
  },
};
