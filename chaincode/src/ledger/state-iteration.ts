import type { Iterators } from 'fabric-shim-api';

/** What fabric-shim's range and history reads resolve to: range reads `{ iterator }`, history the iterator. */
export type IteratorResponse<T> =
  Iterators.CommonIterator<T> | { readonly iterator: Iterators.CommonIterator<T> };

/**
 * The entries of a range or history read, in order, without the closing message fabric-shim sends after the
 * last one. Each message is a round trip between chaincode and peer on every endorsing peer, and that one does
 * nothing: the peer frees an iterator itself when it returns the last batch (`has_more` false) and frees any
 * left open when the transaction ends. An iteration left early (`break`, `return`, a throw) still closes the
 * iterator at once, as before.
 */
export async function* entriesOf<T>(
  response: Promise<IteratorResponse<T>>,
): AsyncGenerator<T, void, undefined> {
  const resolved = await response;
  const iterator = 'iterator' in resolved ? resolved.iterator : resolved;
  let exhausted = false;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!exhausted) await iterator.close();
  }
}
