import type { EmissionReport, VerifierAssignment } from '@carbon-ets/contract';
import { api } from '../../api';

/** A report waiting for verification, with the verifier entity the regulator assigned to it (if any yet). */
export interface QueuedReport {
  readonly report: EmissionReport;
  readonly assignedTo: string | undefined;
}

/** The submitted reports, newest period first, each installation's newest first. */
export function queueOf(reports: readonly EmissionReport[]): EmissionReport[] {
  return reports
    .filter((report) => report.status === 'submitted')
    .sort((a, b) => b.period - a.period || a.installationId.localeCompare(b.installationId));
}

/**
 * Every report waiting for verification with its assigned verifier entity: the reports' current versions, then
 * the assignments of each period that has a report waiting.
 */
export async function loadQueue(): Promise<QueuedReport[]> {
  const { items } = await api<{ items: EmissionReport[] }>('GET', '/api/v1/reports');
  const waiting = queueOf(items);
  const periods = [...new Set(waiting.map((report) => report.period))];
  const lists = await Promise.all(
    periods.map((period) =>
      api<VerifierAssignment[]>('GET', `/api/v1/periods/${period}/verifier-assignments`),
    ),
  );
  const assigned = new Map(
    lists.flat().map((assignment) => [`${assignment.period}/${assignment.installationId}`, assignment]),
  );
  return waiting.map((report) => ({
    report,
    assignedTo: assigned.get(`${report.period}/${report.installationId}`)?.verifierEntityId,
  }));
}

/**
 * What a verifier's queue shows: the reports assigned to its entity (which it may verify) and those not yet
 * assigned to any (marked: the regulator assigns a verifier first); reports of other verifiers are left out.
 */
export function visibleTo(queue: readonly QueuedReport[], entity: string | undefined): QueuedReport[] {
  return queue.filter((item) => item.assignedTo === undefined || item.assignedTo === entity);
}
