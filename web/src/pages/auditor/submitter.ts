import { actionOf, isReport } from '../operator/report-steps';

const PERSON_FIELDS = ['submittedBy', 'by', 'createdBy', 'issuedBy', 'proposedBy'] as const;

/**
 * Who wrote a version of an object, when the object says so: a report's submitter, verifier, rejecter or
 * accepter (by its status), an order's placing org and role, or a `…By` field.
 */
export function submitterOf(value: unknown): string | undefined {
  if (isReport(value)) return actionOf(value).who;
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const placedBy = record.placedBy as { mspId?: unknown; role?: unknown } | undefined;
  if (typeof placedBy === 'object' && typeof placedBy.mspId === 'string') {
    return `${typeof placedBy.role === 'string' ? placedBy.role : 'user'} of ${placedBy.mspId}`;
  }
  for (const field of PERSON_FIELDS) {
    const person = record[field];
    if (typeof person === 'string') return person;
  }
  return undefined;
}
