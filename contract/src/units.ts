import { z } from 'zod';

/** Unit types: an allowance (vintage = compliance period) or an offset credit (CCER-like, per project). */
export const UNIT_TYPES = ['allowance', 'offset'] as const;
export const UnitType = z.enum(UNIT_TYPES);
export type UnitType = z.infer<typeof UnitType>;

/** `held` units can move; `surrendered` and `retired` units sit in the deletion account for ever. */
export const LotStatus = z.enum(['held', 'surrendered', 'retired']);
export type LotStatus = z.infer<typeof LotStatus>;

/**
 * How a lot came to be: the transaction kind that created it (`split`: split off a lot in the same account so
 * that exactly an order's quantity is locked; `trade`: delivered to a buyer by a settled trade).
 */
export const LotOrigin = z.enum([
  'issuance',
  'allocation',
  'transfer',
  'surrender',
  'retirement',
  'split',
  'trade',
]);
export type LotOrigin = z.infer<typeof LotOrigin>;

/**
 * A serial block of units held in one account: serials `serialStart..serialEnd` inclusive of one unit type and
 * vintage (and project, for offsets). Keyed `lot ~ accountId ~ id` so that spending different lots never
 * touches the same key (no MVCC conflict), and carrying a key-level endorsement policy naming the owner's org.
 */
export const Lot = z
  .object({
    id: z.string(),
    accountId: z.string(),
    unitType: UnitType,
    vintage: z.number(),
    /** Offsets only: serials are numbered per project. */
    projectId: z.string().optional(),
    serialStart: z.number(),
    serialEnd: z.number(),
    /** `serialEnd - serialStart + 1`, kept for readers. */
    quantity: z.number(),
    status: LotStatus,
    origin: LotOrigin,
    /** The lot this one was split or moved from. */
    parentLotId: z.string().optional(),
    createdAt: z.string(),
    createdTxId: z.string(),
    /** The order or proposal that locks the units while it is open; locked units cannot move. */
    lockedBy: z.string().optional(),
    surrender: z
      .object({ period: z.number(), installationId: z.string(), late: z.boolean() })
      .readonly()
      .optional(),
    retirement: z.object({ beneficiary: z.string(), reason: z.string().optional() }).readonly().optional(),
  })
  .readonly();
export type Lot = z.infer<typeof Lot>;

/**
 * What a transfer did: the lots created at the destination, the remainders split off at the source and the
 * lots spent there.
 */
export const TransferResult = z.object({
  fromAccount: z.string(),
  toAccount: z.string(),
  quantity: z.number(),
  moved: z.array(Lot),
  remainders: z.array(Lot),
  spentLotIds: z.array(z.string()),
});
export type TransferResult = z.infer<typeof TransferResult>;
