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
      `INSERT INTO rm_escrow (account_id, holder_type, holder_id, escrow)
       VALUES (@accountId, @holderType, @holderId, @escrow)
       ON CONFLICT (account_id, holder_type, holder_id) DO UPDATE SET escrow = excluded.escrow`,
    );
    this.deleteEscrow = db.prepare(
      'DELETE FROM rm_escrow WHERE account_id = ? AND holder_type = ? AND holder_id = ?',
    );
  }

  apply(write: ObjectWrite): void {
    const [accountId = '', id = ''] = write.attributes;
    if (write.type === ObjectType.auctionEscrow || write.type === ObjectType.approvalEscrow) {
      if (write.value === null) {
        this.deleteEscrow.run(accountId, write.type, id);
        return;
      }
      const held =
        write.type === ObjectType.auctionEscrow
          ? parseState(AuctionEscrow, write)
          : parseState(ApprovalEscrow, write);
      this.putEscrow.run({
        accountId: held.accountId,
        holderType: write.type,
        holderId: id,
        escrow: held.escrow,
      });
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
