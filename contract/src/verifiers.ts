import { z } from 'zod';
import { distinctIds, Id, IsoTime, strictObject, Text, Year } from './fields';

/**
 * A verifier entity's accreditation, recorded by the regulator: `accreditation ~ entityId`. It covers the listed
 * installation sectors until `validUntil` (exclusive). Re-accreditation replaces it (earlier versions stay in the
 * key's history); the regulator suspends or withdraws it with `withdrawn`, which only a new accreditation clears.
 */
export const VerifierAccreditation = z
  .object({
    entityId: z.string(),
    /** Installation sectors (`Installation.sector`) the entity may verify, sorted. */
    sectors: z.array(z.string()).readonly(),
    /** The accreditation lapses at this instant: a verification at or after it is refused. */
    validUntil: z.string(),
    accreditedAt: z.string(),
    /** Set by `Mrv:WithdrawAccreditation`: the entity may no longer verify, whatever `validUntil` says. */
    withdrawn: z.object({ at: z.string(), reason: z.string() }).readonly().optional(),
  })
  .readonly();
export type VerifierAccreditation = z.infer<typeof VerifierAccreditation>;

/**
 * The verifier entity the regulator assigned to an installation's report for a period:
 * `verifierAssignment ~ period ~ installationId`. Only that entity's verifier users may verify or reject the
 * report; the regulator may reassign until the report is verified.
 */
export const VerifierAssignment = z
  .object({
    period: z.number(),
    installationId: z.string(),
    /** The installation's sector when it was assigned, which the entity's accreditation covered. */
    sector: z.string(),
    verifierEntityId: z.string(),
    assignedAt: z.string(),
    /** The entity assigned before this one, when this assignment replaced another. */
    previousVerifierEntityId: z.string().optional(),
  })
  .readonly();
export type VerifierAssignment = z.infer<typeof VerifierAssignment>;

/** `Mrv:AccreditVerifier`'s request: sectors and validity of a registered verifier entity. */
export const AccreditationRequest = strictObject({
  entityId: Id,
  /** Installation sector codes, e.g. `power`, `steel`. */
  sectors: distinctIds(100),
  /** ISO-8601 UTC, after the transaction's time: `2027-12-31` or `2027-12-31T23:59:59Z`. */
  validUntil: IsoTime,
});

/** `Mrv:WithdrawAccreditation`'s request. */
export const AccreditationWithdrawal = strictObject({ entityId: Id, reason: Text(1000) });

/** `Mrv:AssignVerifier`'s request. */
export const AssignmentRequest = strictObject({ period: Year, installationId: Id, verifierEntityId: Id });
