import {
  connectAs,
  evaluate,
  proposalSubmitOptions,
  requestProposal,
  submit,
  TransactionError,
  type CarbonConnection,
  type SubmitOptions,
} from '@carbon-ets/gateway-client';
import { noteCommitted, readYourWrites } from './read-your-writes';

export { noteCommitted } from './read-your-writes';

/** One user's view of the ledger: JSON in, JSON out, through the Gateway of the user's own org. */
export interface Participant {
  readonly connection: CarbonConnection;
  submit<T = unknown>(transaction: string, request: unknown): Promise<T>;
  evaluate<T = unknown>(transaction: string, ...args: string[]): Promise<T>;
  /**
   * The chaincode's refusal of a submit that must fail (throws if it succeeds or fails otherwise): assert its
   * `code` (and, where the test is about the wording, its `reason`).
   */
  refusal(transaction: string, request: unknown): Promise<TransactionError>;
}

const decode = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));

/** `gatewayPeer`: another organisation whose peer answers this user's queries (its own peer by default). */
export function participant(organization: string, user: string, gatewayPeer?: string): Participant {
  const connection = connectAs({ organization, user, ...(gatewayPeer === undefined ? {} : { gatewayPeer }) });
  /** The request as the clients send it; an off-channel acceptance names its endorsers (the Gateway cannot). */
  const options = (transaction: string, request: unknown): Promise<SubmitOptions> =>
    proposalSubmitOptions(connection, transaction, requestProposal(transaction, request));
  return {
    connection,
    submit: async <T>(transaction: string, request: unknown) => {
      // A write may depend on another org's write of this file: endorse it on a peer that has that block.
      await readYourWrites(connection);
      const outcome = await submit(connection.contract, transaction, await options(transaction, request));
      noteCommitted(outcome.blockNumber);
      return decode(outcome.result) as T;
    },
    evaluate: async <T>(transaction: string, ...args: string[]) => {
      await readYourWrites(connection);
      return decode(await evaluate(connection.contract, transaction, args)) as T;
    },
    refusal: async (transaction: string, request: unknown) => {
      await readYourWrites(connection);
      try {
        await submit(connection.contract, transaction, await options(transaction, request));
      } catch (err) {
        if (err instanceof TransactionError && err.kind === 'REJECTED') return err;
        throw err;
      }
      throw new Error(`${transaction} was expected to be refused but committed`);
    },
  };
}

/** Runs `action`; true if the chaincode answered NOT_FOUND. */
export async function isMissing(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return false;
  } catch (err) {
    if (err instanceof TransactionError && err.code === 'NOT_FOUND') return true;
    throw err;
  }
}
