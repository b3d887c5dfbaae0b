import { parseCarbonEvent } from '@carbon-ets/contract';
import type { InvalidCarbonEvent } from '@carbon-ets/gateway-client';
import { common, ledger, peer } from '@hyperledger/fabric-protos';
import type { LedgerBlock, StateWrite, TimedCarbonEvent } from './ledger-block';

/** A block as the read model applies it, and the events in it that do not match the wire contract. */
export interface ReadBlock {
  readonly block: LedgerBlock;
  /** Skipped: logged nowhere, but the transaction's writes are still projected (they are on the ledger). */
  readonly invalid: readonly InvalidCarbonEvent[];
}

/**
 * Decodes a full block of the Gateway's block events into what the read model applies: for each VALID
 * endorser transaction (the committing peer's TRANSACTIONS_FILTER; an invalid one changed nothing), its
 * writes to `chaincode`'s namespace and the chaincode event `chaincode` emitted, parsed with the contract's
 * `parseCarbonEvent`. Config transactions and other chaincodes' actions are left out.
 */
export function readBlock(block: common.Block, chaincode: string): ReadBlock {
  const number = BigInt(block.getHeader()?.getNumber() ?? 0);
  const flags =
    block.getMetadata()?.getMetadataList_asU8()[common.BlockMetadataIndex.TRANSACTIONS_FILTER] ??
    new Uint8Array();
  const events: TimedCarbonEvent[] = [];
  const writes: StateWrite[] = [];
  const invalid: InvalidCarbonEvent[] = [];
  let blockTimestamp: string | undefined;
  (block.getData()?.getDataList_asU8() ?? []).forEach((envelopeBytes, index) => {
    const envelope = common.Envelope.deserializeBinary(envelopeBytes);
    const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
    const header = payload.getHeader();
    if (header === undefined) return;
    const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
    const timestamp = isoTime(channelHeader);
    blockTimestamp ??= timestamp;
    if (channelHeader.getType() !== common.HeaderType.ENDORSER_TRANSACTION) return;
    if (flags[index] !== peer.TxValidationCode.VALID) return;
    const transactionId = channelHeader.getTxId();
    for (const action of chaincodeActions(payload.getData_asU8())) {
      writes.push(...namespaceWrites(action, chaincode, transactionId));
      const event = chaincodeEvent(action, chaincode);
      if (event === undefined) continue;
      const parsed = parseCarbonEvent(event.name, event.payload);
      if (parsed.success) {
        events.push({
          blockNumber: number,
          transactionId,
          ...parsed.event,
          ...(timestamp === undefined ? {} : { timestamp }),
        });
      } else {
        invalid.push({ blockNumber: number, transactionId, ...event, ...parsed.mismatch });
      }
    }
  });
  return {
    block: { number, ...(blockTimestamp === undefined ? {} : { timestamp: blockTimestamp }), events, writes },
    invalid,
  };
}

function isoTime(header: common.ChannelHeader): string | undefined {
  // google-protobuf's Timestamp has no type declarations here: read it through the two getters it has.
  const time = header.getTimestamp() as unknown as { getSeconds(): number; getNanos(): number } | undefined;
  if (time === undefined) return undefined;
  return new Date(time.getSeconds() * 1000 + Math.floor(time.getNanos() / 1_000_000)).toISOString();
}

function chaincodeActions(transactionBytes: Uint8Array): peer.ChaincodeAction[] {
  const actions: peer.ChaincodeAction[] = [];
  for (const action of peer.Transaction.deserializeBinary(transactionBytes).getActionsList()) {
    const endorsed = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8()).getAction();
    if (endorsed === undefined) continue;
    const response = peer.ProposalResponsePayload.deserializeBinary(
      endorsed.getProposalResponsePayload_asU8(),
    );
    actions.push(peer.ChaincodeAction.deserializeBinary(response.getExtension_asU8()));
  }
  return actions;
}

function namespaceWrites(action: peer.ChaincodeAction, namespace: string, txId: string): StateWrite[] {
  const writes: StateWrite[] = [];
  const rwset = ledger.rwset.TxReadWriteSet.deserializeBinary(action.getResults_asU8());
  const decoder = new TextDecoder();
  for (const nsRwset of rwset.getNsRwsetList()) {
    if (nsRwset.getNamespace() !== namespace) continue;
    const kv = ledger.rwset.kvrwset.KVRWSet.deserializeBinary(nsRwset.getRwset_asU8());
    for (const write of kv.getWritesList()) {
      writes.push({
        txId,
        key: write.getKey(),
        value: write.getIsDelete() ? null : decoder.decode(write.getValue_asU8()),
      });
    }
  }
  return writes;
}

/** The action's chaincode event, if `chaincode` emitted one; its payload as JSON (text if it is not JSON). */
function chaincodeEvent(
  action: peer.ChaincodeAction,
  chaincode: string,
): { name: string; payload: unknown } | undefined {
  const bytes = action.getEvents_asU8();
  if (bytes.length === 0) return undefined;
  const event = peer.ChaincodeEvent.deserializeBinary(bytes);
  if (event.getChaincodeId() !== chaincode || event.getEventName() === '') return undefined;
  const text = new TextDecoder().decode(event.getPayload_asU8());
  try {
    return { name: event.getEventName(), payload: JSON.parse(text) as unknown };
  } catch {
    return { name: event.getEventName(), payload: text };
  }
}
