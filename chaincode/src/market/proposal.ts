import type { UnitType } from '../units/lot';

export type ProposalStatus = 'open' | 'accepted' | 'rejected' | 'cancelled';

/**
 * A negotiated (bilateral) trade: the seller offers `quantity` at `price` to one named buyer entity. The
 * seller's units are locked (`lockedBy = id`) until the buyer accepts (settled delivery-versus-payment),
 * rejects, the seller or regulator cancels, or it expires. Keyed `proposal ~ proposalId` (id = proposing tx id).
 */
export interface Proposal {
  readonly id: string;
  readonly instrument: string;
  readonly unitType: UnitType;
  readonly vintage: number;
  readonly sellerAccountId: string;
  readonly sellerEntityId: string;
  readonly buyerEntityId: string;
  /** Fen per tonne. */
  readonly price: number;
  readonly quantity: number;
  readonly block: boolean;
  readonly lockedLotIds: readonly string[];
  readonly status: ProposalStatus;
  readonly proposedAt: string;
  readonly expiresAt: string;
  readonly closedAt?: string;
  readonly closeReason?: string;
  readonly tradeId?: string;
}
