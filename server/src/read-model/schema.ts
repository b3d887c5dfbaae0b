import { migrate, type ServerDatabase } from '../store/database';

/** The read model's module name in `schema_version` (see {@link migrate}). */
export const READ_MODEL_MODULE = 'read-model';

/**
 * Every table of the projection, in the order {@link dropReadModel} drops them. All are prefixed `rm_` so they
 * never clash with the tables other server modules (auth, idempotency) keep in the same database file.
 */
export const READ_MODEL_TABLES = [
  'rm_checkpoint',
  'rm_accounts',
  'rm_installations',
  'rm_periods',
  'rm_lots',
  'rm_cash',
  'rm_escrow',
  'rm_orders',
  'rm_trades',
  'rm_price_bars',
  'rm_reports',
  'rm_compliance',
  'rm_event_audience',
  'rm_event_log',
] as const;

/**
 * Version 1 of the schema. State tables mirror the chaincode's objects as its blocks wrote them (`json` is the
 * object exactly as stored, so an answer built from it is the chaincode's own); the other columns are what
 * queries filter and sort on. Quantities are integers; money (fen) stays decimal text, as on the ledger.
 */
const V1 = `
CREATE TABLE rm_checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  next_block INTEGER NOT NULL
);
CREATE TABLE rm_accounts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  entity_id TEXT,
  installation_id TEXT,
  status TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX rm_accounts_entity ON rm_accounts (entity_id);
CREATE TABLE rm_installations (
  id TEXT PRIMARY KEY,
  entity_id TEXT NOT NULL,
  holding_account_id TEXT,
  json TEXT NOT NULL
);
CREATE TABLE rm_lots (
  account_id TEXT NOT NULL,
  id TEXT NOT NULL,
  unit_type TEXT NOT NULL,
  vintage INTEGER NOT NULL,
  project_id TEXT,
  status TEXT NOT NULL,
  serial_start INTEGER NOT NULL,
  quantity INTEGER NOT NULL,
  locked_by TEXT,
  json TEXT NOT NULL,
  PRIMARY KEY (account_id, id)
);
CREATE TABLE rm_cash (
  account_id TEXT NOT NULL,
  id TEXT NOT NULL,
  amount TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (account_id, id)
);
CREATE TABLE rm_orders (
  row INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  instrument TEXT NOT NULL,
  side TEXT NOT NULL,
  status TEXT NOT NULL,
  block INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX rm_orders_account ON rm_orders (account_id, row);
CREATE INDEX rm_orders_entity ON rm_orders (entity_id, row);
CREATE INDEX rm_orders_instrument ON rm_orders (instrument, status, row);
CREATE TABLE rm_trades (
  row INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  instrument TEXT NOT NULL,
  kind TEXT NOT NULL,
  day TEXT NOT NULL,
  executed_at TEXT NOT NULL,
  buy_account_id TEXT NOT NULL,
  sell_account_id TEXT NOT NULL,
  buyer_entity_id TEXT NOT NULL,
  seller_entity_id TEXT NOT NULL,
  block INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX rm_trades_instrument ON rm_trades (instrument, row);
CREATE INDEX rm_trades_buy_account ON rm_trades (buy_account_id, row);
CREATE INDEX rm_trades_sell_account ON rm_trades (sell_account_id, row);
CREATE INDEX rm_trades_buyer ON rm_trades (buyer_entity_id, row);
CREATE INDEX rm_trades_seller ON rm_trades (seller_entity_id, row);
CREATE TABLE rm_price_bars (
  instrument TEXT NOT NULL,
  resolution TEXT NOT NULL CHECK (resolution IN ('day', 'minute')),
  bucket TEXT NOT NULL,
  open INTEGER,
  high INTEGER,
  low INTEGER,
  last INTEGER,
  volume INTEGER NOT NULL,
  turnover TEXT NOT NULL,
  trades INTEGER NOT NULL,
  bilateral_volume INTEGER NOT NULL,
  bilateral_turnover TEXT NOT NULL,
  bilateral_trades INTEGER NOT NULL,
  PRIMARY KEY (instrument, resolution, bucket)
);
CREATE TABLE rm_reports (
  period INTEGER NOT NULL,
  installation_id TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (period, installation_id)
);
CREATE INDEX rm_reports_entity ON rm_reports (entity_id);
CREATE TABLE rm_compliance (
  period INTEGER NOT NULL,
  installation_id TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (period, installation_id)
);
CREATE TABLE rm_event_log (
  seq INTEGER PRIMARY KEY,
  block INTEGER NOT NULL,
  tx_id TEXT NOT NULL,
  name TEXT NOT NULL,
  payload TEXT NOT NULL,
  timestamp TEXT,
  public INTEGER NOT NULL,
  roles TEXT NOT NULL,
  kinds TEXT NOT NULL
);
CREATE TABLE rm_event_audience (
  seq INTEGER NOT NULL REFERENCES rm_event_log (seq),
  entity_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  kinds TEXT NOT NULL,
  PRIMARY KEY (seq, entity_id, account_id)
);
CREATE INDEX rm_event_audience_entity ON rm_event_audience (entity_id, seq);
CREATE INDEX rm_event_audience_account ON rm_event_audience (account_id, seq);
CREATE TABLE rm_periods (
  year INTEGER PRIMARY KEY,
  status TEXT NOT NULL,
  json TEXT NOT NULL
);
INSERT INTO rm_checkpoint (id, next_block) VALUES (1, 0);
`;

/**
 * Version 2: funds held as escrow outside the order book — by auction bids (`auctionEscrow ~ accountId ~ bidId`)
 * and by buy orders awaiting a second representative (`approvalEscrow ~ accountId ~ approvalId`) — locked funds
 * of the account as `Funds:GetBalance` counts them. Both came with version 2, so no earlier block wrote such a key.
 */
const V2 = `
CREATE TABLE rm_escrow (
  account_id TEXT NOT NULL,
  holder_type TEXT NOT NULL,
  holder_id TEXT NOT NULL,
  escrow TEXT NOT NULL,
  PRIMARY KEY (account_id, holder_type, holder_id)
);
`;

/** The read model's schema versions, oldest first (append a version; never edit one that has shipped). */
export const READ_MODEL_SCHEMA: readonly string[] = [V1, V2];

/** Creates the read model's tables if they are missing, or brings them to the newest version. */
export function migrateReadModel(db: ServerDatabase): void {
  migrate(db, READ_MODEL_MODULE, READ_MODEL_SCHEMA);
}

/**
 * Drops every table of the projection and forgets its schema version, in one transaction, so the next
 * {@link migrateReadModel} starts an empty model at block 0 (`--rebuild`).
 */
export function dropReadModel(db: ServerDatabase): void {
  db.transaction(() => {
    for (const table of READ_MODEL_TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
    db.prepare('DELETE FROM schema_version WHERE module = ?').run(READ_MODEL_MODULE);
  })();
}
