import { z } from 'zod';
import { field, Id, jsonArgument, list, OneOf, parseId, strictObject, Year } from './fields';
import { OBJECT_TYPES, type ObjectTypeName } from './object-types';
import { Account } from './registry';
import { ANYONE, read } from './transaction';
import { LotStatus, SerialRange, UnitType } from './units';

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
} as const;
