import { z } from 'zod';
import { Id, list, OneOf, optional, Quantity, strictObject, Text, WholeNumber } from './fields';
import { Order } from './market';
import { ANYONE, read, write } from './transaction';
import { ApprovalRequest, CertificateIdentity, Lot } from './units';

/**
 * What a representative may do for an account: a `proposer` initiates transfers, surrenders and orders; an
 * `approver` may also approve (or reject) what another representative proposed; a `viewer` only sees them.
 */
export const REPRESENTATIVE_ROLES = ['proposer', 'approver', 'viewer'] as const;
export const RepresentativeRole = z.enum(REPRESENTATIVE_ROLES);
export type RepresentativeRole = z.infer<typeof RepresentativeRole>;

/** One representative of an account: a certificate identity and its role. */
export const Representative = z
  .object({ ...CertificateIdentity.unwrap().shape, role: RepresentativeRole })
  .readonly();
export type Representative = z.infer<typeof Representative>;

/** How long a proposal waits for its second person when the regulator sets no window: 48 hours. */
export const DEFAULT_APPROVAL_WINDOW_SECONDS = 48 * 3600;
/** How long an addition to a trusted account list waits before transfers may use it, by default: 24 hours. */
export const DEFAULT_TRUSTED_ACCOUNT_DELAY_SECONDS = 24 * 3600;

/**
 * `representatives ~ accountId`: who acts for an account and when two of them must agree. Recorded by the
 * regulator at the holder's request. With representatives, only they may move the account's units; with a
 * threshold, a transfer, surrender or order of more units than it becomes an approval request.
 */
export const AccountRepresentatives = z
  .object({
    accountId: z.string(),
    representatives: z.array(Representative).readonly(),
    /** Transactions of more units than this need a second representative; absent: never. */
    approvalThreshold: z.number().optional(),
    /** How long a second representative has to approve, in seconds. */
    approvalWindowSeconds: z.number(),
    /** The holder's request (its reference or document hash); absent until the regulator records one. */
    requestReference: z.string().optional(),
    recordedAt: z.string().optional(),
    txId: z.string().optional(),
  })
  .readonly();
export type AccountRepresentatives = z.infer<typeof AccountRepresentatives>;

/** One account of a trusted account list and when transfers to it become possible. */
export const TrustedAccount = z
  .object({
    accountId: z.string(),
    addedAt: z.string(),
    /** `addedAt` + the list's delay: transfers to the account are refused before this instant. */
    effectiveAt: z.string(),
    addedBy: CertificateIdentity,
  })
  .readonly();
export type TrustedAccount = z.infer<typeof TrustedAccount>;

/**
 * `trustedAccounts ~ accountId`: the accounts an account may transfer to. Once the list exists (even emptied)
 * transfers go only to accounts on it whose addition has taken effect, to the holder's own accounts and to the
 * national accounts. `exists` is false for an account that never had a list.
 */
export const TrustedAccountList = z
  .object({
    accountId: z.string(),
    exists: z.boolean(),
    delaySeconds: z.number(),
    accounts: z.array(TrustedAccount).readonly(),
    updatedAt: z.string().optional(),
  })
  .readonly();
export type TrustedAccountList = z.infer<typeof TrustedAccountList>;

/** What approving, rejecting or expiring a request did: the request as it now is and the lots it produced. */
export const ApprovalOutcome = z
  .object({
    approval: ApprovalRequest,
    /**
     * Executed: the lots created at the destination (or surrendered; none for an order); otherwise the lots
     * unlocked.
     */
    lots: z.array(Lot).readonly(),
    /** An executed order request: the order placed, its id the request's id (it holds the reservation). */
    order: Order.optional(),
  })
  .readonly();
export type ApprovalOutcome = z.infer<typeof ApprovalOutcome>;

/**
 * `approvalEscrow ~ accountId ~ approvalId`: the funds a pending buy-order request reserves of an account (fen),
 * counted as locked funds like a buy order's escrow; deleted when the request is decided.
 */
export const ApprovalEscrow = z
  .object({ accountId: z.string(), approvalId: z.string(), escrow: z.string() })
  .readonly();
export type ApprovalEscrow = z.infer<typeof ApprovalEscrow>;

const RepresentativeSpec = strictObject({
  mspId: Id,
  /** The user's enrolment id: the certificate's common name and the member server's user name. */
  userName: Id,
  role: OneOf(REPRESENTATIVE_ROLES),
});

const ApprovalReference = { accountId: Id, approvalId: Id };

/**
 * `Approval`: account representatives and the two-person rule (recorded by the regulator, exercised by the
 * representatives), and each account's trusted account list (kept by the holder).
 */
export const Approval = {
  setRepresentatives: write({
    contract: 'Approval',
    name: 'SetRepresentatives',
    roles: ['regulator'],
    label: 'representatives',
    summary:
      "Records an enterprise account's representatives (proposer, approver, viewer), its approval threshold and window, at the holder's request; replaces what was recorded",
    request: strictObject({
      accountId: Id,
      /** Leave out to remove every representative. */
      representatives: optional(list(RepresentativeSpec, 50, 'representatives')),
      /** Transfers, surrenders and orders of more units than this need a second representative. */
      approvalThreshold: optional(Quantity),
      /** Seconds a second representative has to approve; 48 hours when left out. */
      approvalWindowSeconds: optional(WholeNumber),
      /** The holder's request: its reference or document hash. */
      requestReference: Text(256),
    }),
    answer: AccountRepresentatives,
  }),
  approve: write({
    contract: 'Approval',
    name: 'Approve',
    roles: ['operator', 'trader'],
    label: 'approval',
    summary:
      'A second representative (approver role, not the proposer) approves a pending request before its deadline: the transfer, surrender or order is executed with what it reserved',
    request: strictObject(ApprovalReference),
    answer: ApprovalOutcome,
  }),
  reject: write({
    contract: 'Approval',
    name: 'Reject',
    roles: ['operator', 'trader'],
    label: 'rejection',
    summary:
      'An approver rejects a pending request, or its proposer withdraws it: the locked units or reserved funds are released',
    request: strictObject({ ...ApprovalReference, reason: optional(Text(1000)) }),
    answer: ApprovalOutcome,
  }),
  expire: write({
    contract: 'Approval',
    name: 'Expire',
    roles: ANYONE,
    label: 'expiry',
    summary:
      'Anyone marks a pending request expired once its deadline has passed: its units or funds are released',
    request: strictObject(ApprovalReference),
    answer: ApprovalOutcome,
  }),
  addTrustedAccount: write({
    contract: 'Approval',
    name: 'AddTrustedAccount',
    roles: ['operator', 'trader'],
    label: 'trusted',
    summary:
      "The holder adds an account to its account's trusted list; transfers to it are possible after the list's delay (24 hours unless the list's first addition sets another; it can only be raised)",
    request: strictObject({
      accountId: Id,
      trustedAccountId: Id,
      /** Seconds before an addition takes effect; set by the first addition, only raised later. */
      delaySeconds: optional(WholeNumber),
    }),
    answer: TrustedAccountList,
  }),
  removeTrustedAccount: write({
    contract: 'Approval',
    name: 'RemoveTrustedAccount',
    roles: ['operator', 'trader'],
    label: 'trusted',
    summary: "The holder removes an account from its account's trusted list, with immediate effect",
    request: strictObject({ accountId: Id, trustedAccountId: Id }),
    answer: TrustedAccountList,
  }),
  getRepresentatives: read({
    contract: 'Approval',
    name: 'GetRepresentatives',
    roles: ANYONE,
    label: 'accountId',
    summary: "An account's representatives, approval threshold and window (supervisors and the holder)",
    args: [Id],
    answer: AccountRepresentatives,
  }),
  listApprovals: read({
    contract: 'Approval',
    name: 'ListApprovals',
    roles: ANYONE,
    label: 'accountId',
    summary: "An account's approval requests, pending first, newest first (supervisors and the holder)",
    args: [Id],
    answer: z.array(ApprovalRequest).readonly(),
  }),
  getTrustedAccounts: read({
    contract: 'Approval',
    name: 'GetTrustedAccounts',
    roles: ANYONE,
    label: 'accountId',
    summary: "An account's trusted account list (supervisors and the holder)",
    args: [Id],
    answer: TrustedAccountList,
  }),
} as const;
