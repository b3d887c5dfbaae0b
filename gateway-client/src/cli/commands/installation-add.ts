import { Registry } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, show } from './support';

export const installationAddCommand: Command = {
  name: 'installation add',
  summary: 'Regulator: add an installation to a covered enterprise (Registry:AddInstallations)',
  options: {
    entity: { type: 'string', description: 'the covered enterprise, e.g. ENT1' },
    id: { type: 'string', description: 'installation id' },
    sector: { type: 'string', description: 'sector code, e.g. power, steel' },
    capacity: { type: 'string', description: 'rated capacity, decimal (e.g. 600)' },
    'capacity-unit': { type: 'string', description: 'unit of the capacity (default MW)' },
    name: { type: 'string', description: 'display name (default: the id)' },
  },
  async run(context) {
    const name = optionalText(context, 'name');
    const unit = optionalText(context, 'capacity-unit');
    const request = contractRequest(Registry.addInstallations, {
      entityId: requiredOption(context, 'entity'),
      installations: [
        {
          id: requiredOption(context, 'id'),
          sector: requiredOption(context, 'sector'),
          capacity: requiredOption(context, 'capacity'),
          ...(name === undefined ? {} : { name }),
          ...(unit === undefined ? {} : { capacityUnit: unit }),
        },
      ],
    });
    const entity = await facades(context).registry.addInstallations(request);
    show(context, entity);
  },
};
