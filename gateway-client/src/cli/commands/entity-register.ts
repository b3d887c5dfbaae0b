import { Registry } from '@carbon-ets/contract';
import type { EntityKind, EntityRegistration } from '../../contracts';
import { type Command, ExpectedError, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, readJsonFile, show } from './support';

const KINDS: readonly EntityKind[] = ['covered', 'trader', 'verifier'];

export const entityRegisterCommand: Command = {
  name: 'entity register',
  summary: 'Regulator: register a covered enterprise, trader or verifier (Registry:RegisterEntity)',
  options: {
    id: { type: 'string', description: 'entity id, e.g. ENT3 (users carry it as carbon.entity)' },
    kind: { type: 'string', description: `one of ${KINDS.join(', ')} (default covered)` },
    name: { type: 'string', description: 'legal name' },
    'owner-msp': { type: 'string', description: 'org whose peers endorse its debits, e.g. Enterprise1MSP' },
    file: { type: 'string', description: 'JSON request with installations (options override its fields)' },
  },
  async run(context) {
    const file = optionalText(context, 'file');
    const base = file === undefined ? {} : (readJsonFile(file) as Partial<EntityRegistration>);
    const kind = optionalText(context, 'kind') ?? base.kind ?? 'covered';
    if (!KINDS.includes(kind as EntityKind))
      throw new ExpectedError(`--kind must be one of ${KINDS.join(', ')}`);
    const request: EntityRegistration = {
      ...base,
      id: optionalText(context, 'id') ?? base.id ?? requiredOption(context, 'id'),
      kind: kind as EntityKind,
      name: optionalText(context, 'name') ?? base.name ?? requiredOption(context, 'name'),
      ownerMsp: optionalText(context, 'owner-msp') ?? base.ownerMsp ?? requiredOption(context, 'owner-msp'),
    };
    const entity = await facades(context).registry.registerEntity(
      contractRequest(Registry.registerEntity, request),
    );
    show(context, entity);
  },
};
