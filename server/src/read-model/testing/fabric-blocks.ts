import { createRequire } from 'node:module';
import { common, ledger, peer } from '@hyperledger/fabric-protos';

interface ProtoTimestamp {
  setSeconds(value: number): void;
  setNanos(value: number): void;
}

// google-protobuf ships no type declarations; fabric-protos' ChannelHeader takes its Timestamp.
const { Timestamp } = createRequire(__filename)('google-protobuf/google/protobuf/timestamp_pb') as {
  Timestamp: new () => ProtoTimestamp;
};

/** One transaction of a block built for tests, as a peer would have committed it. */
export interface TestTransaction {
  readonly txId: string;
  readonly timestamp?: string;
  readonly valid?: boolean;
  /** `CONFIG` for a config transaction (no actions). */
  readonly type?: 'ENDORSER_TRANSACTION' | 'CONFIG';
  /** The chaincode that ran (its namespace and its event's chaincode id); default `carbon`. */
  readonly chaincode?: string;
  readonly event?: { readonly name: string; readonly payload: unknown };
  readonly writes?: readonly { readonly key: string; readonly value: string | null }[];
}

const encoder = new TextEncoder();

function transactionBytes(transaction: TestTransaction): Uint8Array {
  const chaincode = transaction.chaincode ?? 'carbon';
  const kv = new ledger.rwset.kvrwset.KVRWSet();
  kv.setWritesList(
    (transaction.writes ?? []).map((write) => {
      const kvWrite = new ledger.rwset.kvrwset.KVWrite();
      kvWrite.setKey(write.key);
      kvWrite.setIsDelete(write.value === null);
      kvWrite.setValue(encoder.encode(write.value ?? ''));
      return kvWrite;
    }),
  );
  const ns = new ledger.rwset.NsReadWriteSet();
  ns.setNamespace(chaincode);
  ns.setRwset(kv.serializeBinary());
  const rwset = new ledger.rwset.TxReadWriteSet();
  rwset.setDataModel(ledger.rwset.TxReadWriteSet.DataModel.KV);
  rwset.setNsRwsetList([ns]);
  const action = new peer.ChaincodeAction();
  action.setResults(rwset.serializeBinary());
  if (transaction.event !== undefined) {
    const event = new peer.ChaincodeEvent();
    event.setChaincodeId(chaincode);
    event.setTxId(transaction.txId);
    event.setEventName(transaction.event.name);
    event.setPayload(encoder.encode(JSON.stringify(transaction.event.payload)));
    action.setEvents(event.serializeBinary());
  }
  const response = new peer.ProposalResponsePayload();
  response.setExtension$(action.serializeBinary());
  const endorsed = new peer.ChaincodeEndorsedAction();
  endorsed.setProposalResponsePayload(response.serializeBinary());
  const actionPayload = new peer.ChaincodeActionPayload();
  actionPayload.setAction(endorsed);
  const transactionAction = new peer.TransactionAction();
  transactionAction.setPayload(actionPayload.serializeBinary());
  const tx = new peer.Transaction();
  tx.setActionsList([transactionAction]);
  return tx.serializeBinary();
}

function envelopeBytes(transaction: TestTransaction): Uint8Array {
  const channelHeader = new common.ChannelHeader();
  const config = transaction.type === 'CONFIG';
  channelHeader.setType(config ? common.HeaderType.CONFIG : common.HeaderType.ENDORSER_TRANSACTION);
  channelHeader.setTxId(transaction.txId);
  channelHeader.setChannelId('carbon');
  if (transaction.timestamp !== undefined) {
    const millis = Date.parse(transaction.timestamp);
    const timestamp = new Timestamp();
    timestamp.setSeconds(Math.floor(millis / 1000));
    timestamp.setNanos((millis % 1000) * 1_000_000);
    channelHeader.setTimestamp(timestamp);
  }
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  const payload = new common.Payload();
  payload.setHeader(header);
  payload.setData(config ? new Uint8Array() : transactionBytes(transaction));
  const envelope = new common.Envelope();
  envelope.setPayload(payload.serializeBinary());
  return envelope.serializeBinary();
}

/** A full block as the Gateway's block events deliver it, with the committing peer's validation flags. */
export function fabricBlock(number: bigint, transactions: readonly TestTransaction[]): common.Block {
  const header = new common.BlockHeader();
  header.setNumber(Number(number));
  const data = new common.BlockData();
  data.setDataList(transactions.map(envelopeBytes));
  const flags = Uint8Array.from(
    transactions.map((t) =>
      t.valid === false ? peer.TxValidationCode.MVCC_READ_CONFLICT : peer.TxValidationCode.VALID,
    ),
  );
  const metadata = new common.BlockMetadata();
  const entries: Uint8Array[] = [
    new Uint8Array(),
    new Uint8Array(),
    new Uint8Array(),
    new Uint8Array(),
    new Uint8Array(),
  ];
  entries[common.BlockMetadataIndex.TRANSACTIONS_FILTER] = flags;
  metadata.setMetadataList(entries);
  const block = new common.Block();
  block.setHeader(header);
  block.setData(data);
  block.setMetadata(metadata);
  return block;
}
