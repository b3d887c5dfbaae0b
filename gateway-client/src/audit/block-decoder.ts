import { common, ledger, peer } from '@hyperledger/fabric-protos';

/** One write of a committed transaction to the chaincode's namespace. */
export interface StateWrite {
  readonly key: string;
  readonly isDelete: boolean;
  /** The written value (empty for a delete). */
  readonly value: Uint8Array;
}

/** An endorser transaction of a block, with its validation result and its writes to one namespace. */
export interface BlockTransaction {
  readonly txId: string;
  readonly valid: boolean;
  readonly writes: readonly StateWrite[];
}

/**
 * The endorser transactions of a block with their writes to `namespace`. Config transactions are skipped.
 * Whether a transaction is valid comes from the block's TRANSACTIONS_FILTER metadata, set by the committing
 * peer: an invalid transaction's writes never reached the world state.
 */
export function blockTransactions(block: common.Block, namespace: string): BlockTransaction[] {
  const flags =
    block.getMetadata()?.getMetadataList_asU8()[common.BlockMetadataIndex.TRANSACTIONS_FILTER] ??
    new Uint8Array();
  const transactions: BlockTransaction[] = [];
  block
    .getData()
    ?.getDataList_asU8()
    .forEach((envelopeBytes, index) => {
      const envelope = common.Envelope.deserializeBinary(envelopeBytes);
      const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
      const header = payload.getHeader();
      if (!header) return;
      const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
      if (channelHeader.getType() !== common.HeaderType.ENDORSER_TRANSACTION) return;
      transactions.push({
        txId: channelHeader.getTxId(),
        valid: flags[index] === peer.TxValidationCode.VALID,
        writes: transactionWrites(payload.getData_asU8(), namespace),
      });
    });
  return transactions;
}

function transactionWrites(transactionBytes: Uint8Array, namespace: string): StateWrite[] {
  const writes: StateWrite[] = [];
  for (const action of peer.Transaction.deserializeBinary(transactionBytes).getActionsList()) {
    const actionPayload = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
    const endorsed = actionPayload.getAction();
    if (!endorsed) continue;
    const response = peer.ProposalResponsePayload.deserializeBinary(
      endorsed.getProposalResponsePayload_asU8(),
    );
    const chaincodeAction = peer.ChaincodeAction.deserializeBinary(response.getExtension_asU8());
    const rwset = ledger.rwset.TxReadWriteSet.deserializeBinary(chaincodeAction.getResults_asU8());
    for (const nsRwset of rwset.getNsRwsetList()) {
      if (nsRwset.getNamespace() !== namespace) continue;
      const kv = ledger.rwset.kvrwset.KVRWSet.deserializeBinary(nsRwset.getRwset_asU8());
      for (const write of kv.getWritesList()) {
        writes.push({ key: write.getKey(), isDelete: write.getIsDelete(), value: write.getValue_asU8() });
      }
    }
  }
  return writes;
}
