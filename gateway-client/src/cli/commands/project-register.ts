import { Offset } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, show } from './support';

export const projectRegisterCommand: Command = {
  name: 'project register',
  summary: 'Regulator: register an emission-reduction (CCER-like) offset project (Offset:RegisterProject)',
  options: {
    id: { type: 'string', description: 'project id' },
    name: { type: 'string', description: 'project name' },
    methodology: { type: 'string', description: 'methodology, e.g. CMS-002-V01' },
    owner: { type: 'string', description: 'the entity its credits are issued to' },
  },
  async run(context) {
    const request = contractRequest(Offset.registerProject, {
      id: requiredOption(context, 'id'),
      name: requiredOption(context, 'name'),
      methodology: requiredOption(context, 'methodology'),
      ownerEntityId: requiredOption(context, 'owner'),
    });
    const project = await facades(context).offset.registerProject(request);
    show(context, project);
  },
};
