import { common } from '@hyperledger/fabric-protos';
import type { CarbonConnection } from './connect';
import { TransactionError } from './transaction-error';

/** The channel's block height on the connection's own peer, from its query system chaincode. */
export async function ledgerHeight(connection: CarbonConnection): Promise<bigint> {
  const qscc = connection.network.getContract('qscc');
  const info = common.BlockchainInfo.deserializeBinary(
    await qscc.evaluateTransaction('GetChainInfo', connection.settings.channel),
  );
  return BigInt(info.getHeight());
}

/**
 * Waits until the connection's own peer has committed block `blockNumber`. A commit status comes from the
 * peer of the org that submitted; another org's peer may be a block behind for a moment, so a read through
 * it right after a write should wait for the write's block first (read your writes across organisations).
 */
export async function waitForBlock(
  connection: CarbonConnection,
  blockNumber: bigint,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let height = await ledgerHeight(connection); height <= blockNumber;) {
    if (Date.now() > deadline) {
      throw new TransactionError(
        'UNAVAILABLE',
        `${connection.settings.organization}'s peer is at height ${height}, still short of block ${blockNumber} after ${timeoutMs / 1000} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    height = await ledgerHeight(connection);
  }
}
