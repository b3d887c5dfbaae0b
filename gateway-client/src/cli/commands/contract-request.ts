import {
  ChaincodeError,
  parseRequest,
  requestTexts,
  type RequestOf,
  type TransactionDefinition,
} from '@carbon-ets/contract';
import { ExpectedError } from '../command';

/**
 * Checks a write's request, built from a command's options (or read from its `--file`), against the
 * transaction's request schema of the wire contract, and returns it unchanged for the façade.
 *
 * Commands call it before they connect, so a bad value (`--period 1999`, an id with a space) costs no
 * connection and submits nothing. The check is the chaincode's own: the request's JSON texts (argument and
 * commercial part), the very texts the façade sends, parsed by `parseRequest` with the same definition; so the CLI refuses exactly what the
 * chaincode would, with the same one line (`INVALID_ARGUMENT: issuance.period must be a year between 2000 and
 * 2200`), and never something the chaincode would accept. Checks that need the ledger (does the account
 * exist, may this user act) stay with the chaincode.
 */
export function contractRequest<T extends TransactionDefinition>(
  definition: T,
  request: RequestOf<T>,
): RequestOf<T> {
  try {
    const texts = requestTexts(definition, request);
    parseRequest(definition, texts.argument, texts.commercial);
  } catch (err) {
    if (err instanceof ChaincodeError) throw new ExpectedError(err.message);
    throw err;
  }
  return request;
}
