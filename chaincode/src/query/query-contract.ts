import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import { authorizeTransaction, actsFor, isSupervisor } from '../identity/access';
import { forbidden, parseArgs, Query, type ObjectTypeName } from '@carbon-ets/contract';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import type { Lot } from '../units/lot';
import { groupHoldings } from './holdings';
import { checkArity, requireReadable } from './ownership';
import { supplySummaries } from './supply';
import { fundsPage, lotsPage } from './world-state-pages';

/**
 * Read-only views for auditors, the regulator and participants: any object, any object's history, holdings
 * and the supply summary an auditor reconciles.
 */
@Info({ title: 'Query', description: 'Objects, history, holdings and supply' })
export class QueryContract extends CarbonContract {
  constructor() {
    super('Query');
  }

  /**
   * Any object by type and id parts, e.g. `{ "type": "lot", "id": ["ACC1", "<lotId>"] }`.
   * Caller: regulator, auditor or verifier for everything; enterprise users for reference data and their own
   * entity's accounts, lots, reports and compliance records.
   */
  @Transaction(false)
  @Returns('string')
  public async GetObject(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Query.getObject);
    const { type, id } = parseReference(Query.getObject, request);
    const store = new Store(ctx);
    await requireReadable(store, caller, type, id);
    return JSON.stringify(await store.require<unknown>(type, id, `${type} ${id.join('/')}`));
  }

  /**
   * The whole life of an object: every committed version with tx id, timestamp and deleted flag, newest first
   * (Fabric's order). Request and callers as GetObject.
   */
  @Transaction(false)
  @Returns('string')
  public async GetHistory(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Query.getHistory);
    const { type, id } = parseReference(Query.getHistory, request);
    const store = new Store(ctx);
    await requireReadable(store, caller, type, id);
    const key = store.key(type, id);
    return JSON.stringify({ type, id, history: await store.history(key) });
  }

  /**
   * An account's units grouped by unit type, vintage, project and status, with their lots.
   * Caller: regulator, auditor, verifier, or users of the owning entity.
   */
  @Transaction(false)
  @Returns('string')
  public async GetHoldings(ctx: Context, accountId: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Query.getHoldings);
    const [id] = parseArgs(Query.getHoldings, ['accountId'], [accountId]);
    const store = new Store(ctx);
    const account = await requireAccount(store, id);
    if (!isSupervisor(caller)) {
      const owner = account.entityId === undefined ? undefined : await requireEntity(store, account.entityId);
      if (owner === undefined || !actsFor(caller, owner)) {
        throw forbidden(
          `GetHoldings: only supervisors and users of the owning entity may read account ${account.id}`,
        );
      }
    }
    const lots = (await store.list<Lot>(ObjectType.lot, [account.id])).map((kv) => kv.value);
    return JSON.stringify({ account, holdings: groupHoldings(lots) });
  }

  /**
   * Supply of a period's vintage (issued, allocated, held, locked, surrendered, retired) with the reconciliation
   * issued = held + surrendered + retired. Caller: anyone with a carbon role.
   */
  @Transaction(false)
  @Returns('string')
  public async GetSupplySummary(ctx: Context, period: string): Promise<string> {
    authorizeTransaction(ctx, Query.getSupplySummary);
    const [year] = parseArgs(Query.getSupplySummary, ['period'], [period]);
    const [summary] = await supplySummaries(new Store(ctx), year);
    return JSON.stringify(summary);
  }

  /**
   * The supply summaries of every period the ledger knows, by period, in one scan of the lots (an auditor's
   * reconciliation compares them all). Caller: regulator or auditor.
   */
  @Transaction(false)
  @Returns('string')
  public async GetSupplySummaries(ctx: Context): Promise<string> {
    authorizeTransaction(ctx, Query.getSupplySummaries);
    return JSON.stringify(await supplySummaries(new Store(ctx)));
  }

  /**
   * A page of every account's lots in key order, for reconciliation. Request: `{ afterAccountId?, afterLotId?,
   * pageSize? }` (the answer's `next` for the following page). Caller: regulator or auditor.
   */
  @Transaction(false)
  @Returns('string')
  public async GetLotsPage(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Query.getLotsPage);
    const [page] = parseArgs(Query.getLotsPage, ['lotsPage'], [request]);
    return JSON.stringify(await lotsPage(ctx, page));
  }

  /**
   * A page of accounts with their funds (as `Funds:GetBalance` reports them, without the entries), for
   * reconciliation. Request: `{ afterAccountId?, pageSize? }`. Caller: regulator or auditor.
   */
  @Transaction(false)
  @Returns('string')
  public async GetFundsPage(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Query.getFundsPage);
    const [page] = parseArgs(Query.getFundsPage, ['fundsPage'], [request]);
    return JSON.stringify(await fundsPage(ctx, page));
  }
}

/** Reads an object reference `{ type, id: [...] }` and checks it names exactly one object. */
function parseReference(
  definition: typeof Query.getObject | typeof Query.getHistory,
  request: string,
): { type: ObjectTypeName; id: string[] } {
  const [reference] = parseArgs(definition, ['reference'], [request]);
  checkArity(reference.type, reference.id);
  return reference;
}
