import { z } from 'zod';
import {
  field,
  Id,
  jsonArgument,
  list,
  OneOf,
  optional,
  parseId,
  Quantity,
  strictObject,
  Year,
} from './fields';
import { AccountFunds } from './funds';
import { OBJECT_TYPES, type ObjectTypeName } from './object-types';
import { Account } from './registry';
import { ANYONE, read } from './transaction';
import { Lot, LotStatus, SerialRange, UnitType } from './units';

/** The object types as a non-empty tuple, for enums. */
const OBJECT_TYPE_NAMES = OBJECT_TYPES as unknown as readonly [ObjectTypeName, ...ObjectTypeName[]];

/** One part of an object's key: an id, or a year given as a number (turned into its decimal text). */
const IdPart = field<string | number, string>(
  (value, name) =>
    parseId(typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value, name),
  { anyOf: [{ type: 'string' }, { type: 'integer' }] },
);

/** An object's key: its type and id parts, e.g. `{ type: 'lot', id: ['ACC1', '<lotId>'] }`. */
export const ObjectReference = strictObject({
  type: OneOf(OBJECT_TYPE_NAMES),
  id: list(IdPart, 3, 'ids'),
});
export type ObjectRef = z.input<typeof ObjectReference>;

/** One committed version of an object, newest first. */
export const HistoryEntry = z
  .object({ txId: z.string(), timestamp: z.string(), isDelete: z.boolean(), value: z.unknown() })
  .readonly();
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const ObjectHistory = z
  .object({
    type: z.enum(OBJECT_TYPE_NAMES),
    id: z.array(z.string()).readonly(),
    history: z.array(HistoryEntry).readonly(),
  })
  .readonly();
export type ObjectHistory = z.infer<typeof ObjectHistory>;

/** Units of one type and vintage (and project) and status in one account. */
export const Holding = z
  .object({
    unitType: UnitType,
    vintage: z.number(),
    projectId: z.string().nullable(),
    status: LotStatus,
    quantity: z.number(),
    locked: z.number(),
    lots: z
      .array(
        z
          .object({
            id: z.string(),
            serialStart: z.number(),
            serialEnd: z.number(),
            /** A consolidated lot's serials, when they are not one range (see `Lot.serialRanges`). */
            serialRanges: z.array(SerialRange).readonly().optional(),
            quantity: z.number(),
            lockedBy: z.string().nullable(),
          })
          .readonly(),
      )
      .readonly(),
  })
  .readonly();
export type Holding = z.infer<typeof Holding>;

export const AccountHoldings = z
  .object({ account: Account, holdings: z.array(Holding).readonly() })
  .readonly();
export type AccountHoldings = z.infer<typeof AccountHoldings>;

/** Where the units of one type and vintage are. `reconciles` is the auditor's identity check. */
export const UnitSupply = z
  .object({
    issued: z.number(),
    heldInNationalAccounts: z.number(),
    heldByParticipants: z.number(),
    held: z.number(),
    locked: z.number(),
    surrendered: z.number(),
    retired: z.number(),
    /** issued = held + surrendered + retired (locked units are part of held). */
    reconciles: z.boolean(),
  })
  .readonly();
export type UnitSupply = z.infer<typeof UnitSupply>;

/** Supply of a vintage: allowances (vintage = period) and offsets of that vintage. */
export const SupplySummary = z
  .object({
    period: z.number(),
    cap: z.number().nullable(),
    allocated: z.number(),
    allowances: UnitSupply,
    offsets: UnitSupply,
    /** Units (any vintage ≤ period) surrendered against this period's obligations. */
    surrenderedForPeriod: z.object({ allowances: z.number(), offsets: z.number() }).readonly(),
  })
  .readonly();
export type SupplySummary = z.infer<typeof SupplySummary>;

/**
 * The most objects one world-state page holds, and its default: with the answer-size bound below, a page stays
 * far under gRPC's 4 MiB message limit while 1,000 accounts' state takes a couple of evaluates, not thousands.
 */
export const WORLD_STATE_PAGE_SIZE = 1000;
/** A page stops early once the stored objects it holds pass this many bytes (lots with many serial ranges). */
export const WORLD_STATE_PAGE_BYTES = 2_000_000;

/** Where a page of lots starts: just after the lot `afterAccountId ~ afterLotId` (from the first when absent). */
export const LotsPageRequest = strictObject({
  afterAccountId: optional(Id),
  afterLotId: optional(Id),
  /** Lots in this page (default and at most WORLD_STATE_PAGE_SIZE). */
  pageSize: optional(Quantity),
});

/** Lots of every account in key order (`lot ~ accountId ~ lotId`); `next` is the request for the next page. */
export const LotsPage = z
  .object({
    lots: z.array(Lot).readonly(),
    next: z.object({ afterAccountId: z.string(), afterLotId: z.string() }).readonly().nullable(),
  })
  .readonly();
export type LotsPage = z.infer<typeof LotsPage>;

/** Where a page of account funds starts: just after account `afterAccountId` (from the first when absent). */
export const FundsPageRequest = strictObject({
  afterAccountId: optional(Id),
  /** Accounts in this page (default and at most WORLD_STATE_PAGE_SIZE). */
  pageSize: optional(Quantity),
});

/** The funds of every account in key order, as `Funds:GetBalance` reports them, without the cash entries. */
export const FundsPage = z
  .object({
    funds: z.array(z.object({ accountId: z.string(), ...AccountFunds.unwrap().shape }).readonly()).readonly(),
    next: z.object({ afterAccountId: z.string() }).readonly().nullable(),
  })
  .readonly();
export type FundsPage = z.infer<typeof FundsPage>;

/** `Query`: any object, its history, an account's holdings and a period's supply. */
export const Query = {
  getObject: read({
    contract: 'Query',
    name: 'GetObject',
    roles: ANYONE,
    label: 'reference',
    summary:
      "Any object by type and id parts (enterprise users: reference data and their own entity's objects)",
    args: [jsonArgument(ObjectReference)],
    answer: z.unknown(),
  }),
  getHistory: read({
    contract: 'Query',
    name: 'GetHistory',
    roles: ANYONE,
    label: 'reference',
    summary: 'Every committed version of an object, newest first (callers as GetObject)',
    args: [jsonArgument(ObjectReference)],
    answer: ObjectHistory,
  }),
  getHoldings: read({
    contract: 'Query',
    name: 'GetHoldings',
    roles: ANYONE,
    label: 'accountId',
    summary:
      "An account's units grouped by unit type, vintage, project and status, with their lots (supervisors or the owning entity)",
    args: [Id],
    answer: AccountHoldings,
  }),
  getSupplySummary: read({
    contract: 'Query',
    name: 'GetSupplySummary',
    roles: ANYONE,
    label: 'period',
    summary:
      "Supply of a period's vintage (issued, allocated, held, locked, surrendered, retired) with the reconciliation issued = held + surrendered + retired",
    args: [Year],
    answer: SupplySummary,
  }),
  getSupplySummaries: read({
    contract: 'Query',
    name: 'GetSupplySummaries',
    roles: ['regulator', 'auditor'],
    label: 'supplySummaries',
    summary:
      'The supply summary of every period the ledger knows (defined, allocated, issued, holding or surrendered against), by period, in one scan of the lots: for reconciliation',
    args: [],
    answer: z.array(SupplySummary).readonly(),
  }),
  getLotsPage: read({
    contract: 'Query',
    name: 'GetLotsPage',
    roles: ['regulator', 'auditor'],
    label: 'lotsPage',
    summary:
      "A page of every account's lots in key order (at most 1,000 lots or ~2 MB), for reconciliation: pass `next` back for the following page",
    args: [jsonArgument(LotsPageRequest)],
    answer: LotsPage,
  }),
  getFundsPage: read({
    contract: 'Query',
    name: 'GetFundsPage',
    roles: ['regulator', 'auditor'],
    label: 'fundsPage',
    summary:
      'A page of accounts (at most 1,000) with their funds available, locked as escrow and total, for reconciliation: pass `next` back for the following page',
    args: [jsonArgument(FundsPageRequest)],
    answer: FundsPage,
  }),
} as const;
