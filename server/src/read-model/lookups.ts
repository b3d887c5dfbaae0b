import type { ServerDatabase } from '../store/database';

/** Who owns an account, an installation or an order, as the projection knows it. */
export class Lookups {
  private readonly account;
  private readonly installation;
  private readonly order;

  constructor(db: ServerDatabase) {
    this.account = db.prepare<[string], { entity_id: string | null }>(
      'SELECT entity_id FROM rm_accounts WHERE id = ?',
    );
    this.installation = db.prepare<[string], { entity_id: string; holding_account_id: string | null }>(
      'SELECT entity_id, holding_account_id FROM rm_installations WHERE id = ?',
    );
    this.order = db.prepare<[string], { account_id: string; entity_id: string }>(
      'SELECT account_id, entity_id FROM rm_orders WHERE id = ?',
    );
  }

  /** The entity owning an account; `''` for the national accounts (and an account the model has not seen). */
  entityOfAccount(accountId: string): string {
    return this.account.get(accountId)?.entity_id ?? '';
  }

  installationOwner(installationId: string): { entityId: string; holdingAccountId: string } {
    const row = this.installation.get(installationId);
    return { entityId: row?.entity_id ?? '', holdingAccountId: row?.holding_account_id ?? '' };
  }

  orderOwner(orderId: string): { entityId: string; accountId: string } | undefined {
    const row = this.order.get(orderId);
    return row === undefined ? undefined : { entityId: row.entity_id, accountId: row.account_id };
  }
}
