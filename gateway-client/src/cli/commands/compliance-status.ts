import { type Command, requiredOption } from '../command';
import { formatAmount } from '../../money';
import { facades, show, wholeOption } from './support';

export const complianceStatusCommand: Command = {
  name: 'compliance status',
  summary: 'Anyone: A covered, B short, C no verified emissions (Compliance:GetComplianceStatus)',
  options: {
    period: { type: 'string', description: 'the period' },
    installation: { type: 'string', description: 'the installation' },
  },
  async run(context) {
    const status = await facades(context).compliance.getComplianceStatus(
      wholeOption(context, 'period'),
      requiredOption(context, 'installation'),
    );
    const { final, ...current } = status;
    show(context, status, {
      ...current,
      final:
        final === null
          ? '-'
          : `${final.code}, shortfall ${final.shortfall} t, penalty ${formatAmount(final.penalty, final.currency)}`,
    });
  },
};
