import { Registry } from '@carbon-ets/contract';
import type { AccountKind } from '../../contracts';
import { type Command, ExpectedError, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, show } from './support';

const KINDS: readonly AccountKind[] = ['allocation', 'auction', 'deletion', 'holding', 'trading'];

export const accountOpenCommand: Command = {
  name: 'account open',
  summary:
    'Regulator: open a national, holding (one per installation) or trading account (Registry:OpenAccount)',
  options: {
    kind: { type: 'string', description: KINDS.join(', ') },
    id: { type: 'string', description: 'account id (holding and trading accounts)' },
    entity: { type: 'string', description: 'owning entity (holding and trading accounts)' },
    installation: { type: 'string', description: 'the installation a holding account serves' },
  },
  async run(context) {
    const kind = requiredOption(context, 'kind');
    if (!KINDS.includes(kind as AccountKind))
      throw new ExpectedError(`--kind must be one of ${KINDS.join(', ')}`);
    const id = optionalText(context, 'id');
    const entityId = optionalText(context, 'entity');
    const installationId = optionalText(context, 'installation');
    const request = contractRequest(Registry.openAccount, {
      kind: kind as AccountKind,
      ...(id === undefined ? {} : { id }),
      ...(entityId === undefined ? {} : { entityId }),
      ...(installationId === undefined ? {} : { installationId }),
    });
    const account = await facades(context).registry.openAccount(request);
    show(context, account);
  },
};
