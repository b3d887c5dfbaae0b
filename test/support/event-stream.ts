import type { MemberClient } from './member-servers';

/** One Server-Sent Event as a client receives it. */
export interface StreamEvent {
  readonly id?: string;
  readonly event: string;
  readonly data: string;
}

/** A user's open notification stream (`GET /api/v1/events`), read as it arrives. */
export interface OpenStream {
  readonly events: readonly StreamEvent[];
  /** Resolves with the first event (already received or yet to come) that matches, or fails after `timeoutMs`. */
  waitFor(match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
}

/** Opens `client`'s event stream (optionally resuming after `lastEventId`) and parses frames as they come. */
export async function openEventStream(client: MemberClient, lastEventId?: string): Promise<OpenStream> {
  const abort = new AbortController();
  const response = await fetch(`${client.url}/api/v1/events`, {
    headers: {
      cookie: client.cookie,
      ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
    },
    signal: abort.signal,
  });
  if (response.status !== 200 || response.body === null) {
    throw new Error(`${client.user}'s event stream answered ${response.status}`);
  }
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          const fields = new Map<string, string>();
          for (const line of frame.split('\n')) {
            if (line.startsWith(':') || !line.includes(':')) continue;
            const at = line.indexOf(':');
            fields.set(line.slice(0, at), line.slice(at + 1).replace(/^ /, ''));
          }
          const data = fields.get('data');
          if (data === undefined) continue;
          const id = fields.get('id');
          events.push({ event: fields.get('event') ?? 'message', data, ...(id === undefined ? {} : { id }) });
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    events,
    waitFor: (match, timeoutMs = 30_000) =>
      new Promise<StreamEvent>((resolve, reject) => {
        const check = (): boolean => {
          const found = events.find(match);
          if (found === undefined) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const wake = (): void => {
          check();
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(
            new Error(
              `${client.user}'s stream had no such event within ${timeoutMs} ms; it had: ${events.map((e) => e.event).join(', ')}`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(wake);
      }),
    close: () => {
      abort.abort();
    },
  };
}
