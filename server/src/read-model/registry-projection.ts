import { Account, Installation, ObjectType } from '@carbon-ets/contract';
import type { ServerDatabase } from '../store/database';
import { parseState, type ObjectWrite, type StateProjector } from './state-writes';

/**
 * Accounts and installations: who owns what. Queries and the event log's audience look up an account's or an
 * installation's entity here; neither object is ever deleted by the chaincode.
 */
export class RegistryProjection implements StateProjector {
  readonly types = [ObjectType.account, ObjectType.installation];
  private readonly putAccount;
  private readonly putInstallation;

  constructor(db: ServerDatabase) {
    this.putAccount = db.prepare(
      `INSERT INTO rm_accounts (id, kind, entity_id, installation_id, status, json)
       VALUES (@id, @kind, @entityId, @installationId, @status, @json)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, entity_id = excluded.entity_id,
         installation_id = excluded.installation_id, status = excluded.status, json = excluded.json`,
    );
    this.putInstallation = db.prepare(
      `INSERT INTO rm_installations (id, entity_id, holding_account_id, json)
       VALUES (@id, @entityId, @holdingAccountId, @json)
       ON CONFLICT (id) DO UPDATE SET entity_id = excluded.entity_id,
         holding_account_id = excluded.holding_account_id, json = excluded.json`,
    );
  }

  apply(write: ObjectWrite): void {
    // The registry never deletes accounts or installations (closing an account is a status).
    if (write.value === null) return;
    if (write.type === ObjectType.account) {
      const account = parseState(Account, write);
      this.putAccount.run({
        id: account.id,
        kind: account.kind,
        entityId: account.entityId ?? null,
        installationId: account.installationId ?? null,
        status: account.status,
        json: write.value,
      });
    } else {
      const installation = parseState(Installation, write);
      this.putInstallation.run({
        id: installation.id,
        entityId: installation.entityId,
        holdingAccountId: installation.holdingAccountId ?? null,
        json: write.value,
      });
    }
  }
}
