import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChaincodeEvent, CloseableAsyncIterable } from '@hyperledger/fabric-gateway';
import type { CarbonConnection } from '../connect';
import { GatewayClientError } from '../errors';
import { listenToChaincodeEvents, type CarbonEvent, type InvalidCarbonEvent } from './chaincode-events';

const heartbeat = (n: number) => ({ source: `probe-${n}`, at: '2030-01-01T00:00:00.000Z', txId: `tx${n}` });

/** A committed event in block `n`, transaction `tx<n>`; `payload` is sent as JSON unless it is text. */
function eventOf(n: number, eventName: string, payload: unknown): ChaincodeEvent {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return {
    blockNumber: BigInt(n),
    transactionId: `tx${n}`,
    chaincodeName: 'carbon',
    eventName,
    payload: new TextEncoder().encode(text),
  };
}

/** A connection whose chaincode event stream yields `events`, then ends. */
function connectionStreaming(events: readonly ChaincodeEvent[]): CarbonConnection {
  // What the listener uses of the gateway's stream (its `Symbol.dispose` is not needed).
  const stream: Pick<CloseableAsyncIterable<ChaincodeEvent>, 'close' | typeof Symbol.asyncIterator> = {
    async *[Symbol.asyncIterator]() {
      await Promise.resolve();
      yield* events;
    },
    close: () => undefined,
  };
  const network = { getChaincodeEvents: () => Promise.resolve(stream) };
  return { network, settings: { chaincode: 'carbon' } } as unknown as CarbonConnection;
}

const checkpointFile = (): string =>
  path.join(mkdtempSync(path.join(tmpdir(), 'carbon-events-')), 'checkpoint.json');

/** The transaction id the checkpoint file records as the last one handled. */
const checkpointed = (file: string): unknown =>
  (JSON.parse(readFileSync(file, 'utf8')) as { transactionId?: unknown }).transactionId;

const valid = [eventOf(1, 'Heartbeat', heartbeat(1)), eventOf(2, 'Heartbeat', heartbeat(2))];
/** `source` is a number: the payload fails the Heartbeat schema. */
const wrongField = eventOf(3, 'Heartbeat', { ...heartbeat(3), source: 3 });

describe('listenToChaincodeEvents validates every event against the wire contract', () => {
  test('events come typed by name, payloads parsed', async () => {
    const sources: string[] = [];
    const file = checkpointFile();
    const handled = await listenToChaincodeEvents(
      connectionStreaming(valid),
      (event: CarbonEvent) => {
        // Narrowing on the name types the payload: no cast.
        if (event.name === 'Heartbeat') sources.push(`${event.payload.source}@${event.blockNumber}`);
      },
      { checkpointFile: file },
    );
    expect(handled).toBe(2);
    expect(sources).toEqual(['probe-1@1', 'probe-2@2']);
    expect(checkpointed(file)).toBe('tx2');
  });

  test('a payload that fails its schema fails the listener, naming the field, before it is checkpointed', async () => {
    const seen: string[] = [];
    const file = checkpointFile();
    const listening = listenToChaincodeEvents(
      connectionStreaming([valid[0]!, wrongField, valid[1]!]),
      (event) => {
        seen.push(event.transactionId);
      },
      { checkpointFile: file },
    );
    await expect(listening).rejects.toThrow(GatewayClientError);
    await expect(listening).rejects.toMatchObject({
      code: 'EVENT_MISMATCH',
      message: expect.stringMatching(
        /^event Heartbeat: source: .*string.* \(block 3, transaction tx3\)$/,
      ) as unknown,
    });
    // Nothing after it was handled, and a restarted listener resumes at it.
    expect(seen).toEqual(['tx1']);
    expect(checkpointed(file)).toBe('tx1');
  });

  test('with onInvalidEvent, an unknown name or a bad payload is reported and skipped', async () => {
    const invalid: InvalidCarbonEvent[] = [];
    const seen: string[] = [];
    const file = checkpointFile();
    const handled = await listenToChaincodeEvents(
      connectionStreaming([
        valid[0]!,
        eventOf(4, 'SomethingNew', { txId: 'tx4' }),
        wrongField,
        eventOf(5, 'Heartbeat', 'not json'),
        valid[1]!,
      ]),
      (event) => {
        seen.push(event.transactionId);
      },
      {
        checkpointFile: file,
        onInvalidEvent: (event) => {
          invalid.push(event);
        },
      },
    );
    expect(handled).toBe(2);
    expect(seen).toEqual(['tx1', 'tx2']);
    expect(invalid.map(({ transactionId, name, reason }) => ({ transactionId, name, reason }))).toEqual([
      { transactionId: 'tx4', name: 'SomethingNew', reason: 'unknown-name' },
      { transactionId: 'tx3', name: 'Heartbeat', reason: 'invalid-payload' },
      { transactionId: 'tx5', name: 'Heartbeat', reason: 'invalid-payload' },
    ]);
    expect(invalid[0]?.message).toBe('event "SomethingNew" is not a carbon event');
    expect(invalid[2]?.payload).toBe('not json');
    expect(checkpointed(file)).toBe('tx2');
  });

  test('maxEvents counts handled events only', async () => {
    const handled = await listenToChaincodeEvents(
      connectionStreaming([wrongField, ...valid]),
      () => undefined,
      { checkpointFile: checkpointFile(), maxEvents: 1, onInvalidEvent: () => undefined },
    );
    expect(handled).toBe(1);
  });
});
