import { useEffect, useRef } from 'react';
import { useNotifications } from '../../notifications';

/** Runs `refresh` when a notice of one of `events` arrives (the data it shows may have changed). */
export function useRefreshOn(events: readonly string[], refresh: () => void): void {
  const { subscribe } = useNotifications();
  const latest = useRef({ events, refresh });
  latest.current = { events, refresh };
  useEffect(
    () =>
      subscribe((notice) => {
        if (latest.current.events.includes(notice.event)) latest.current.refresh();
      }),
    [subscribe],
  );
}

/** Events that change a period's supply or its installations' compliance. */
export const SUPPLY_EVENTS = [
  'AllowancesIssued',
  'AllowancesAllocated',
  'AllocationReturned',
  'AllowancesTransferred',
  'OffsetsIssued',
  'OffsetsRetired',
  'UnitsSurrendered',
  'ReportAccepted',
  'EmissionsEstimated',
  'EmissionsCorrected',
  'PeriodCreated',
  'PeriodClosingProgressed',
  'PeriodClosed',
] as const;

export const REPORT_EVENTS = [
  'ReportSubmitted',
  'ReportCorrected',
  'ReportVerified',
  'ReportRejected',
  'ReportAccepted',
] as const;

export const MARKET_STATUS_EVENTS = ['MarketHalted', 'MarketResumed'] as const;

/** Events after which an installation's carbon index (and the period's ranking) may have changed. */
export const CARBON_INDEX_EVENTS = ['MonthlyEnergySubmitted', 'CarbonIndexThresholdPassed'] as const;

/** Events that change green certificate holdings or a device's issued production. */
export const CERTIFICATE_EVENTS = [
  'CertificatesIssued',
  'CertificatesTransferred',
  'CertificatesCancelled',
] as const;
