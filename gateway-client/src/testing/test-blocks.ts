import { common, ledger, peer } from '@hyperledger/fabric-protos';

/** A transaction to put in a synthetic block: its writes to the `carbon` namespace and its validation result. */
export interface TestTransaction {
  readonly txId: string;
  readonly valid?: boolean;
  readonly writes: readonly { readonly key: string; readonly value?: unknown }[];
}

/** Composite key as the chaincode writes it: `\0type\0attr…\0`. */
export const compositeKey = (type: string, ...attributes: string[]): string =>
  `\u0000${[type, ...attributes].join('\u0000')}\u0000`;

/** Builds a block the way a peer commits it: envelopes of endorser transactions plus the validation flags. */
export function testBlock(
  number: number,
  transactions: readonly TestTransaction[],
  namespace = 'carbon',
): common.Block {
  const data = new common.BlockData();
  const flags = new Uint8Array(transactions.length);
  transactions.forEach((tx, index) => {
    flags[index] =
      tx.valid === false ? peer.TxValidationCode.MVCC_READ_CONFLICT : peer.TxValidationCode.VALID;
    const kv = new ledger.rwset.kvrwset.KVRWSet();
    kv.setWritesList(
      tx.writes.map((w) => {
        const write = new ledger.rwset.kvrwset.KVWrite();
        write.setKey(w.key);
        if (w.value === undefined) write.setIsDelete(true);
        else write.setValue(new TextEncoder().encode(JSON.stringify(w.value)));
        return write;
      }),
    );
    const nsRwset = new ledger.rwset.NsReadWriteSet();
    nsRwset.setNamespace(namespace);
    nsRwset.setRwset(kv.serializeBinary());
    const txRwset = new ledger.rwset.TxReadWriteSet();
    txRwset.setNsRwsetList([nsRwset]);
    const chaincodeAction = new peer.ChaincodeAction();
    chaincodeAction.setResults(txRwset.serializeBinary());
    const responsePayload = new peer.ProposalResponsePayload();
    responsePayload.setExtension$(chaincodeAction.serializeBinary());
    const endorsed = new peer.ChaincodeEndorsedAction();
    endorsed.setProposalResponsePayload(responsePayload.serializeBinary());
    const actionPayload = new peer.ChaincodeActionPayload();
    actionPayload.setAction(endorsed);
    const action = new peer.TransactionAction();
    action.setPayload(actionPayload.serializeBinary());
    const transaction = new peer.Transaction();
    transaction.setActionsList([action]);
    const channelHeader = new common.ChannelHeader();
    channelHeader.setType(common.HeaderType.ENDORSER_TRANSACTION);
    channelHeader.setTxId(tx.txId);
    const header = new common.Header();
    header.setChannelHeader(channelHeader.serializeBinary());
    const payload = new common.Payload();
    payload.setHeader(header);
    payload.setData(transaction.serializeBinary());
    const envelope = new common.Envelope();
    envelope.setPayload(payload.serializeBinary());
    data.addData(envelope.serializeBinary());
  });
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
  const blockHeader = new common.BlockHeader();
  blockHeader.setNumber(number);
  const block = new common.Block();
  block.setHeader(blockHeader);
  block.setData(data);
  block.setMetadata(metadata);
  return block;
}
