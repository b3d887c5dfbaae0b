import { ApprovalEscrow, AuctionEscrow, CashEntry, Lot, ObjectType } from '@carbon-ets/contract';
import type { ServerDatabase } from '../store/database';
import { parseState, type ObjectWrite, type StateProjector } from './state-writes';

/**
 * Lots, cash entries, auction bids' escrow and the funds buy orders awaiting approval reserve, mirrored key by
 * key (`lot ~ accountId ~ lotId`, `cash ~ accountId ~ entryId`, `auctionEscrow ~ accountId ~ bidId`,
 * `approvalEscrow ~ accountId ~ approvalId`): holdings and funds are sums over them, exactly as the chaincode's
 * `Query:GetHoldings` and `Funds:GetBalance` sum the same objects.
 */
export class HoldingsProjection implements StateProjector {
  readonly types = [ObjectType.lot, ObjectType.cash, ObjectType.auctionEscrow, ObjectType.approvalEscrow];
  private readonly putLot;
  private readonly deleteLot;
  private readonly putCash;
  private readonly deleteCash;
  private readonly putEscrow;
  private readonly deleteEscrow;
  private readonly putApprovalEscrow;
  private readonly deleteApprovalEscrow;

  constructor(db: ServerDatabase) {
    this.putLot = db.prepare(
      `INSERT INTO rm_lots (account_id, id, unit_type, vintage, project_id, status, serial_start, quantity, locked_by, json)
       VALUES (@accountId, @id, @unitType, @vintage, @projectId, @status, @serialStart, @quantity, @lockedBy, @json)
       ON CONFLICT (account_id, id) DO UPDATE SET unit_type = excluded.unit_type, vintage = excluded.vintage,
         project_id = excluded.project_id, status = excluded.status, serial_start = excluded.serial_start,
         quantity = excluded.quantity, locked_by = excluded.locked_by, json = excluded.json`,
    );
    this.deleteLot = db.prepare('DELETE FROM rm_lots WHERE account_id = ? AND id = ?');
    this.putCash = db.prepare(
      `INSERT INTO rm_cash (account_id, id, amount, json) VALUES (@accountId, @id, @amount, @json)
       ON CONFLICT (account_id, id) DO UPDATE SET amount = excluded.amount, json = excluded.json`,
    );
    this.deleteCash = db.prepare('DELETE FROM rm_cash WHERE account_id = ? AND id = ?');
    this.putEscrow = db.prepare(
      `INSERT INTO rm_auction_escrow (account_id, bid_id, escrow) VALUES (@accountId, @bidId, @escrow)
       ON CONFLICT (account_id, bid_id) DO UPDATE SET escrow = excluded.escrow`,
    );
    this.deleteEscrow = db.prepare('DELETE FROM rm_auction_escrow WHERE account_id = ? AND bid_id = ?');
    this.putApprovalEscrow = db.prepare(
      `INSERT INTO rm_approval_escrow (account_id, approval_id, escrow) VALUES (@accountId, @approvalId, @escrow)
       ON CONFLICT (account_id, approval_id) DO UPDATE SET escrow = excluded.escrow`,
    );
    this.deleteApprovalEscrow = db.prepare(
      'DELETE FROM rm_approval_escrow WHERE account_id = ? AND approval_id = ?',
    );
  }

  apply(write: ObjectWrite): void {
    const [accountId = '', id = ''] = write.attributes;
    if (write.type === ObjectType.auctionEscrow) {
      if (write.value === null) this.deleteEscrow.run(accountId, id);
      else {
        const held = parseState(AuctionEscrow, write);
        this.putEscrow.run({ accountId: held.accountId, bidId: held.bidId, escrow: held.escrow });
      }
      return;
    }
    if (write.type === ObjectType.approvalEscrow) {
      if (write.value === null) this.deleteApprovalEscrow.run(accountId, id);
      else {
        const held = parseState(ApprovalEscrow, write);
        this.putApprovalEscrow.run({
          accountId: held.accountId,
          approvalId: held.approvalId,
          escrow: held.escrow,
        });
      }
      return;
    }
    const isLot = write.type === ObjectType.lot;
    if (write.value === null) {
      (isLot ? this.deleteLot : this.deleteCash).run(accountId, id);
      return;
    }
    if (isLot) {
      const lot = parseState(Lot, write);
      this.putLot.run({
        accountId: lot.accountId,
        id: lot.id,
        unitType: lot.unitType,
        vintage: lot.vintage,
        projectId: lot.projectId ?? null,
        status: lot.status,
        serialStart: lot.serialStart,
        quantity: lot.quantity,
        lockedBy: lot.lockedBy ?? null,
        json: write.value,
      });
    } else {
      const entry = parseState(CashEntry, write);
      this.putCash.run({ accountId: entry.accountId, id: entry.id, amount: entry.amount, json: write.value });
    }
  }
}
