import { api } from '../../api';

interface LoggedEvent {
  readonly seq: number;
  readonly block: number | string;
  readonly txId: string;
}

/** The block of each transaction that emitted an event (every state-changing one does), from the event log. */
const blocks = new Map<string, string>();
let lastSeq = 0;
let pending: Promise<void> | undefined;

/** Reads the event log pages written since the last call (the auditor sees every event). */
async function catchUp(): Promise<void> {
  for (let page = 0; page < 200; page++) {
    const answer = await api<{ items: LoggedEvent[]; nextCursor?: string }>(
      'GET',
      `/api/v1/event-log?after=${lastSeq}&limit=500`,
    );
    for (const event of answer.items) {
      blocks.set(event.txId, String(event.block));
      lastSeq = Math.max(lastSeq, event.seq);
    }
    if (answer.nextCursor === undefined || answer.items.length === 0) return;
  }
}

/** Transaction id → block number, as far as the read model's event log knows. */
export async function blockIndex(): Promise<ReadonlyMap<string, string>> {
  pending ??= catchUp().finally(() => {
    pending = undefined;
  });
  await pending;
  return blocks;
}
