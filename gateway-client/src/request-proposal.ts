import { COMMERCIAL_TRANSIENT_KEY, definitionOf, requestTexts } from '@carbon-ets/contract';

/** A write's argument and transient map, as a proposal carries them. */
export interface RequestProposal {
  readonly arguments: string[];
  readonly transient?: Record<string, Uint8Array>;
}

/**
 * How a write of the wire contract named `Contract:Function` is sent: its request as the one JSON argument, and
 * its commercial fields (if the transaction has any) in the transient map, where they never reach the block. A
 * request given as text is sent as it is (a test proving a refusal, a benchmark's prepared request).
 */
export function requestProposal(transaction: string, request: unknown): RequestProposal {
  const definition = definitionOf(transaction);
  if (typeof request === 'string' || definition === undefined) {
    return { arguments: [typeof request === 'string' ? request : JSON.stringify(request)] };
  }
  const texts = requestTexts(definition, request);
  return { arguments: [texts.argument], ...commercialTransient(texts.commercial) };
}

/** The transient map carrying a write's commercial fields (JSON text); nothing when there are none. */
export function commercialTransient(commercialText: string | undefined): Pick<RequestProposal, 'transient'> {
  return commercialText === undefined
    ? {}
    : { transient: { [COMMERCIAL_TRANSIENT_KEY]: new TextEncoder().encode(commercialText) } };
}
