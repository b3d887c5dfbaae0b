/**
 * Codes of the chaincode's refusals, which every caller acts on: the CLI's exit code, the REST API's HTTP
 * status, a test's assertion. Fabric carries only the message string back to the Gateway client, so the code
 * travels as the message's first word (`NOT_FOUND: account ACC1 does not exist`) and {@link parseRefusal}
 * recovers it.
 */
export const CHAINCODE_ERROR_CODES = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'FAILED_PRECONDITION',
] as const;
export type ChaincodeErrorCode = (typeof CHAINCODE_ERROR_CODES)[number];

/** The message a refusal carries on the wire: `CODE: text`. */
export function refusalMessage(code: ChaincodeErrorCode, text: string): string {
  return `${code}: ${text}`;
}

/** The code and text of a chaincode refusal message, or undefined when it carries no code. */
export function parseRefusal(message: string): { code: ChaincodeErrorCode; text: string } | undefined {
  const match = /^([A-Z_]+): (.*)$/s.exec(message.trim());
  const code = match?.[1];
  if (code === undefined || !(CHAINCODE_ERROR_CODES as readonly string[]).includes(code)) return undefined;
  return { code: code as ChaincodeErrorCode, text: match?.[2] ?? '' };
}
