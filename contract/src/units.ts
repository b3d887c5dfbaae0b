import { z } from 'zod';
import { GoodTill, OrderSide } from './order-terms';

/**
 * Unit types: an allowance (vintage = compliance period), an offset credit (CCER-like, per project) or a green
 * electricity certificate (1 MWh of renewable generation, per generating device).
 */
export const UNIT_TYPES = ['allowance', 'offset', 'greenCertificate'] as const;
export const UnitType = z.enum(UNIT_TYPES);
export type UnitType = z.infer<typeof UnitType>;

/**
 * The unit types that count against a compliance obligation and trade on the market: a green certificate is
 * neither surrendered nor listed, it is cancelled and applied to purchased electricity in a report.
 */
export const COMPLIANCE_UNIT_TYPES = ['allowance', 'offset'] as const;
export type ComplianceUnitType = (typeof COMPLIANCE_UNIT_TYPES)[number];

/**
 * Whole UTC days, both bounds inclusive, `YYYY-MM-DD` (an offset issuance's monitoring period, a green
 * certificate's production period).
 */
export const DayPeriod = z
  .object({
    /** First day, `YYYY-MM-DD`. */
    from: z.string(),
    /** Last day, `YYYY-MM-DD`. */
    to: z.string(),
  })
  .readonly();
export type DayPeriod = z.infer<typeof DayPeriod>;

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
  /** Delivered to a winning bidder by a cleared auction. */
  'auction',
  /** Several available lots of one account merged into this one by `Allowance:ConsolidateLots`. */
  'consolidation',
]);
export type LotOrigin = z.infer<typeof LotOrigin>;

/** Serials `start..end` inclusive. */
export const SerialRange = z.object({ start: z.number(), end: z.number() }).readonly();
export type SerialRange = z.infer<typeof SerialRange>;

/**
 * A serial block of units held in one account: serials `serialStart..serialEnd` inclusive of one unit type and
 * vintage (and project, for offsets) — or, once lots were consolidated, the serial ranges `serialRanges`
 * (ascending, never touching, at most `MAX_SERIAL_RANGES`), `serialStart` the first serial and `serialEnd` the
 * last. Keyed `lot ~ accountId ~ id` so that spending different lots never
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
    /** Green certificates only: the generating device; serials are numbered per device. */
    deviceId: z.string().optional(),
    /** Green certificates only: the days of metered production the certificates stand for. */
    productionPeriod: DayPeriod.optional(),
    serialStart: z.number(),
    serialEnd: z.number(),
    /**
     * Present only when the lot holds two or more separate serial ranges (a consolidated lot, or units moved
     * out of one): then the serials held are exactly these, not every serial from `serialStart` to `serialEnd`.
     */
    serialRanges: z.array(SerialRange).readonly().optional(),
    /** The number of serials held: `serialEnd - serialStart + 1`, or the sum over `serialRanges`. */
    quantity: z.number(),
    status: LotStatus,
    origin: LotOrigin,
    /** The lot this one was split or moved from. */
    parentLotId: z.string().optional(),
    createdAt: z.string(),
    createdTxId: z.string(),
    /** The order, proposal or approval request that locks the units while it is open; locked units cannot move. */
    lockedBy: z.string().optional(),
    surrender: z
      .object({ period: z.number(), installationId: z.string(), late: z.boolean() })
      .readonly()
      .optional(),
    retirement: z
      .object({
        beneficiary: z.string(),
        reason: z.string().optional(),
        /** Green certificates: the entity that cancelled them, the only one whose report may apply them. */
        entityId: z.string().optional(),
      })
      .readonly()
      .optional(),
  })
  .readonly();
export type Lot = z.infer<typeof Lot>;

/**
 * A certificate identity: the MSP that issued it and the user's enrolment id (the certificate's common name,
 * also the member server's user name). Account representatives and approval requests name people this way.
 */
export const CertificateIdentity = z.object({ mspId: z.string(), userName: z.string() }).readonly();
export type CertificateIdentity = z.infer<typeof CertificateIdentity>;

/** What a two-person approval request would do once approved. */
export const APPROVAL_OPERATIONS = ['transfer', 'surrender', 'order'] as const;
export const ApprovalOperation = z.enum(APPROVAL_OPERATIONS);
export type ApprovalOperation = z.infer<typeof ApprovalOperation>;

/** `pending` until a second representative approves (`executed`), rejects, or the deadline passes (`expired`). */
export const APPROVAL_STATUSES = ['pending', 'executed', 'rejected', 'expired'] as const;
export const ApprovalStatus = z.enum(APPROVAL_STATUSES);
export type ApprovalStatus = z.infer<typeof ApprovalStatus>;

/**
 * `approval ~ accountId ~ approvalId`: a transfer, surrender or order above the account's approval threshold,
 * proposed by one representative and waiting for a second. What it would spend is reserved until it is
 * executed, rejected or expired: units are locked (`lockedBy` = the id, the proposing transaction's id), a buy
 * order's funds are held as `approvalEscrow ~ accountId ~ approvalId`.
 */
export const ApprovalRequest = z
  .object({
    id: z.string(),
    accountId: z.string(),
    entityId: z.string(),
    operation: ApprovalOperation,
    unitType: UnitType,
    quantity: z.number(),
    /** Transfers: the destination account. */
    toAccount: z.string().optional(),
    /** Surrenders: the compliance period and installation. */
    period: z.number().optional(),
    installationId: z.string().optional(),
    /** Only units of this vintage (transfers; surrenders: borrowing or a named vintage; orders: the instrument's). */
    vintage: z.number().optional(),
    /** Offset transfers: only credits of this project. */
    projectId: z.string().optional(),
    /** Certificate transfers: only certificates of this device. */
    deviceId: z.string().optional(),
    /** Orders: the order's side, instrument, limit price (fen per tonne) and how long it stays in the book. */
    side: OrderSide.optional(),
    instrument: z.string().optional(),
    price: z.number().optional(),
    goodTill: GoodTill.optional(),
    /** Buy orders: the fen reserved for the order's escrow (`price × quantity`), held until the decision. */
    escrow: z.string().optional(),
    /** The lots holding exactly `quantity` units, locked by this request (none for a buy order). */
    lockedLotIds: z.array(z.string()).readonly(),
    proposedBy: CertificateIdentity,
    proposedAt: z.string(),
    /** After this instant the request can only expire. */
    deadline: z.string(),
    status: ApprovalStatus,
    decidedBy: CertificateIdentity.optional(),
    decidedAt: z.string().optional(),
    /** A rejection's reason. */
    reason: z.string().optional(),
  })
  .readonly();
export type ApprovalRequest = z.infer<typeof ApprovalRequest>;

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
  /**
   * Set when the transfer went above the source account's approval threshold: nothing moved yet (the lists
   * above are empty), the units are locked until a second representative approves (`Approval:Approve`).
   */
  pendingApproval: ApprovalRequest.optional(),
});
export type TransferResult = z.infer<typeof TransferResult>;
