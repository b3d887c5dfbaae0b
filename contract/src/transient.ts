/**
 * Transient-map key under which a client sends its request id: recorded once per submitting identity by the
 * chaincode, so a request resent after an unknown outcome is never applied twice. Transient data never enters
 * the block.
 */
export const REQUEST_ID_TRANSIENT_KEY = 'carbon.requestId';
