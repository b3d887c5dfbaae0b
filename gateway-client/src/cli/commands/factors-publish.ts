import { Period } from '@carbon-ets/contract';
import type { FactorSetDefinition } from '../../contracts';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, readJsonFile, show } from './support';

export const factorsPublishCommand: Command = {
  name: 'factors publish',
  summary:
    'Regulator: publish a version of an emission-factor set from a JSON file (Period:PublishFactorSet)',
  options: {
    file: {
      type: 'string',
      description: 'JSON: { id, version, description, fuels: { <fuel>: {...} }, gridFactor }',
    },
  },
  async run(context) {
    const request = readJsonFile(requiredOption(context, 'file')) as FactorSetDefinition;
    const set = await facades(context).period.publishFactorSet(
      contractRequest(Period.publishFactorSet, request),
    );
    show(context, set, {
      id: set.id,
      version: set.version,
      fuels: Object.keys(set.fuels).join(', '),
      gridFactor: `${set.gridFactor} t/MWh`,
      publishedAt: set.publishedAt,
    });
  },
};
