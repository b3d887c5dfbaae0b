import { requireAsShim } from './shim-modules';

/** The part of @fidm/x509 that fabric-shim's `ClientIdentity` calls. */
export interface CertificateParser {
  Certificate: { fromPEM(pem: Buffer | string): unknown };
}

/** Distinct certificates kept; a consortium's users are far fewer, so the limit only bounds memory. */
const CACHE_LIMIT = 1_024;
const patched = new WeakSet();

/**
 * fabric-shim parses the caller's certificate (PEM, ASN.1 and X.509, all in JavaScript) for every transaction to
 * build `ctx.clientIdentity`: ~8 % of a chaincode server's CPU per transaction (BENCHMARKS.md, "Inside a
 * chaincode server"), although a member's users send the same few certificates again and again. After this a
 * parsed certificate is kept per PEM text (up to 1,024, the oldest dropped first). `ClientIdentity` only reads
 * it, so every identity it builds is the same as before.
 */
export function reuseParsedCertificates(parser = requireAsShim('@fidm/x509') as CertificateParser): void {
  const certificate = parser.Certificate;
  if (patched.has(certificate)) return;
  patched.add(certificate);
  const parse = certificate.fromPEM.bind(certificate);
  const parsed = new Map<string, unknown>();
  certificate.fromPEM = (pem) => {
    const key = typeof pem === 'string' ? pem : pem.toString('latin1');
    let result = parsed.get(key);
    if (result === undefined) {
      result = parse(pem);
      if (parsed.size >= CACHE_LIMIT) {
        const oldest = parsed.keys().next();
        if (oldest.done !== true) parsed.delete(oldest.value);
      }
      parsed.set(key, result);
    }
    return result;
  };
}
