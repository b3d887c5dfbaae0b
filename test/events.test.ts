import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  connectAs,
  ledgerHeight,
  listenToChaincodeEvents,
  submit,
  type CarbonEvent,
} from '@carbon-ets/gateway-client';

describe('chaincode events with a file checkpoint', () => {
  test('a listener restarted with its checkpoint resumes after the last event it handled', async () => {
    const connection = connectAs({ organization: 'Auditor', user: 'auditor1' });
    const checkpointFile = path.join(mkdtempSync(path.join(tmpdir(), 'events-')), 'checkpoint.json');
    const run = `evt${Date.now().toString(36)}`;
    // Events are typed by name: once narrowed to a heartbeat, its payload is one (checked by the listener).
    const ours = (event: CarbonEvent): string | undefined =>
      event.name === 'Heartbeat' && event.payload.source.startsWith(run) ? event.payload.source : undefined;
    /** Listens until `until` of our heartbeats arrived (other tests' events are handled and skipped). */
    const listen = async (until: number, startBlock?: bigint): Promise<string[]> => {
      const seen: string[] = [];
      const controller = new AbortController();
      const timer = setTimeout(() => {
        controller.abort();
      }, 60_000);
      await listenToChaincodeEvents(
        connection,
        (event) => {
          const source = ours(event);
          if (source) seen.push(source);
          if (seen.length >= until) controller.abort();
        },
        { checkpointFile, signal: controller.signal, ...(startBlock === undefined ? {} : { startBlock }) },
      );
      clearTimeout(timer);
      return seen;
    };
    const beat = (n: number) =>
      submit(connection.contract, 'System:Heartbeat', { arguments: [`${run}-${n}`] });
    try {
      const start = await ledgerHeight(connection);
      const first = listen(2, start);
      await beat(1);
      await beat(2);
      expect(await first).toEqual([`${run}-1`, `${run}-2`]);
      await beat(3);
      // Resumes from the checkpoint file: the third heartbeat only, nothing handled twice.
      expect(await listen(1)).toEqual([`${run}-3`]);
    } finally {
      connection.close();
    }
  });
});
