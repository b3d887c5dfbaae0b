import { Compliance } from '@carbon-ets/contract';
import type { UnitType } from '../../contracts';
import { type Command, ExpectedError, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, show, wholeOption } from './support';

export const surrenderCommand: Command = {
  name: 'surrender',
  summary:
    "Operator: surrender allowances or offsets for an installation's obligation (Compliance:Surrender)",
  options: {
    period: { type: 'string', description: 'the period the units count for' },
    installation: { type: 'string', description: 'the installation (units leave its holding account)' },
    quantity: { type: 'string', description: 'tonnes' },
    'unit-type': { type: 'string', description: 'allowance (default) or offset' },
  },
  async run(context) {
    const unitType = optionalText(context, 'unit-type') ?? 'allowance';
    if (unitType !== 'allowance' && unitType !== 'offset')
      throw new ExpectedError('--unit-type must be allowance or offset');
    const request = contractRequest(Compliance.surrender, {
      period: wholeOption(context, 'period'),
      installationId: requiredOption(context, 'installation'),
      unitType: unitType satisfies UnitType,
      quantity: wholeOption(context, 'quantity'),
    });
    const result = await facades(context).compliance.surrender(request);
    show(context, result, {
      ...result.status,
      surrenderedLots: result.lots.map((lot) => lot.id).join(', '),
      ...(result.pendingApproval === undefined
        ? {}
        : {
            pendingApproval: `${result.pendingApproval.id} (units locked; a second representative approves by ${result.pendingApproval.deadline})`,
          }),
    });
  },
};
