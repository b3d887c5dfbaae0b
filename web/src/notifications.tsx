import type { CarbonEventName, CarbonEventPayload } from '@carbon-ets/contract';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { formatBasisPoints, monthName } from './format';

/** One notification as the tray shows it. */
export interface Notice {
  readonly key: string;
  readonly event: string;
  readonly text: string;
  readonly at: string;
  readonly kinds: readonly string[];
  readonly data: unknown;
}

type Listener = (notice: Notice) => void;

interface NotificationState {
  readonly notices: readonly Notice[];
  readonly connected: boolean;
  /** Called for every notice that arrives (pages refresh their data on the events that concern them). */
  readonly subscribe: (listener: Listener) => () => void;
}

const NotificationContext = createContext<NotificationState | undefined>(undefined);

const percent = (basisPoints: number | null): string =>
  basisPoints === null ? '–' : formatBasisPoints(basisPoints);

/** A one-line text for an event of the log, from its name and kinds. */
function describe(event: string, data: Record<string, unknown>): string {
  const kinds = (data.kinds as string[] | undefined) ?? [];
  const payload = (data.payload ?? data) as Record<string, unknown>;
  if (event === 'OrdersMatched') {
    const trades = (payload.trades as unknown[] | undefined)?.length ?? 0;
    return `${kinds.includes('order-filled') ? 'Order filled' : 'Orders matched'}: ${trades} trade(s) in ${String(payload.instrument)}`;
  }
  if (event === 'deadline-approaching') {
    return `Deadline ${String(data.deadline)} of period ${String(data.period)} in ${String(data.daysLeft)} day(s)`;
  }
  if (event === 'transaction-failed') return `Failed: ${String(data.transaction)} — ${String(data.message)}`;
  if (event === 'CarbonIndexThresholdPassed') {
    const passed = payload as unknown as CarbonEventPayload<'CarbonIndexThresholdPassed'>;
    return `Carbon index of ${passed.installationId} passed the threshold: ${percent(passed.indexBasisPoints)} > ${percent(passed.thresholdBasisPoints)} through ${monthName(passed.month)} ${passed.period}`;
  }
  return kinds.length > 0 ? `${event} (${kinds.join(', ')})` : event;
}

/** The chaincode events the tray shows, and the member server's own notices. */
const EVENT_NAMES: readonly (CarbonEventName | 'deadline-approaching' | 'transaction-failed')[] = [
  'OrdersMatched',
  'OrderPlaced',
  'LargeOrderPlaced',
  'OrderCancelled',
  'TradeProposed',
  'TradeAccepted',
  'TradeRejected',
  'ProposalCancelled',
  'AllowancesTransferred',
  'LotsConsolidated',
  'AllowancesAllocated',
  'AllocationPlanSet',
  'AllocationReturned',
  'AllowancesIssued',
  'OffsetsIssued',
  'OffsetsTransferred',
  'OffsetsRetired',
  'ReportSubmitted',
  'ReportCorrected',
  'ReportVerified',
  'ReportRejected',
  'ReportAccepted',
  'UnitsSurrendered',
  'PeriodCreated',
  'PeriodClosingProgressed',
  'PeriodClosed',
  'FundsDeposited',
  'FundsWithdrawn',
  'MarketHalted',
  'MarketResumed',
  'InstrumentConfigured',
  'AccountStatusChanged',
  'RepresentativesSet',
  'ApprovalRequested',
  'ApprovalDecided',
  'TrustedAccountsChanged',
  'MonthlyEnergySubmitted',
  'CarbonIndexThresholdPassed',
  'CertificatesIssued',
  'CertificatesTransferred',
  'CertificatesCancelled',
  'deadline-approaching',
  'transaction-failed',
];

/** Opens the user's event stream (SSE) once logged in; the browser resumes it with Last-Event-ID. */
export function NotificationProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [connected, setConnected] = useState(false);
  const listeners = useRef(new Set<Listener>());
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    source.onopen = () => {
      setConnected(true);
    };
    source.onerror = () => {
      setConnected(false);
    };
    const handle = (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as Record<string, unknown>;
      const notice: Notice = {
        key:
          message.lastEventId !== '' ? message.lastEventId : `${message.type}-${Date.now()}-${Math.random()}`,
        event: message.type,
        text: describe(message.type, data),
        at: (data.timestamp as string | undefined) ?? new Date().toISOString(),
        kinds: (data.kinds as string[] | undefined) ?? [],
        data,
      };
      setNotices((previous) => [notice, ...previous].slice(0, 100));
      for (const listener of listeners.current) listener(notice);
    };
    for (const name of EVENT_NAMES) source.addEventListener(name, handle);
    return () => {
      source.close();
    };
  }, []);
  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  return (
    <NotificationContext.Provider value={{ notices, connected, subscribe }}>
      {children}
    </NotificationContext.Provider>
  );
}

export function useNotifications(): NotificationState {
  const state = useContext(NotificationContext);
  if (state === undefined) throw new Error('useNotifications outside NotificationProvider');
  return state;
}

/** Runs `refresh` whenever a notice arrives (a page's data may have changed). */
export function useRefreshOnNotice(refresh: () => void): void {
  const { subscribe } = useNotifications();
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(
    () =>
      subscribe(() => {
        latest.current();
      }),
    [subscribe],
  );
}
