import { Mrv } from '@carbon-ets/contract';
import { type Command, ExpectedError, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, show, wholeOption } from './support';
import { reportSummary } from './report-show';

const OPINIONS = ['positive', 'positive-with-comments'] as const;

export const reportVerifyCommand: Command = {
  name: 'report verify',
  summary: 'Verifier: verify the current version of a report with verified emissions (Mrv:VerifyReport)',
  // The chaincode refuses 0 t for a non-zero report, and needs --reason beyond the period's materiality.
  options: {
    period: { type: 'string', description: 'the period' },
    installation: { type: 'string', description: 'the installation' },
    version: { type: 'string', description: 'the report version you checked' },
    emissions: { type: 'string', description: 'verified emissions, whole tonnes' },
    opinion: { type: 'string', description: `${OPINIONS.join(' or ')} (default positive)` },
    comment: { type: 'string', description: 'verifier comment' },
    reason: {
      type: 'string',
      description:
        "why the verified figure differs from the computed one (needed beyond the period's materiality, default 5 %)",
    },
  },
  async run(context) {
    const opinion = optionalText(context, 'opinion') ?? 'positive';
    const known = OPINIONS.find((o) => o === opinion);
    if (known === undefined) throw new ExpectedError(`--opinion must be ${OPINIONS.join(' or ')}`);
    const comment = optionalText(context, 'comment');
    const reason = optionalText(context, 'reason');
    const request = contractRequest(Mrv.verifyReport, {
      period: wholeOption(context, 'period'),
      installationId: requiredOption(context, 'installation'),
      version: wholeOption(context, 'version'),
      verifiedEmissions: wholeOption(context, 'emissions'),
      opinion: known,
      ...(comment === undefined ? {} : { comment }),
      ...(reason === undefined ? {} : { reason }),
    });
    const report = await facades(context).mrv.verifyReport(request);
    show(context, report, reportSummary(report));
  },
};
