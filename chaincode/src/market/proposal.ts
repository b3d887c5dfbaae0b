/**
 * A negotiated (bilateral) trade offered to one named buyer entity, keyed `proposal ~ proposalId`: declared by
 * the wire contract (`@carbon-ets/contract`).
 */
export type { Proposal, ProposalStatus } from '@carbon-ets/contract';
