import { type KeyObject, sign } from 'node:crypto';
import type { Signer } from '@hyperledger/fabric-gateway';

/** Orders of the curves Fabric CA issues keys on. */
const CURVE_ORDERS: Readonly<Record<string, bigint>> = {
  prime256v1: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  secp384r1:
    0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
};

/**
 * An ECDSA signer on Node's OpenSSL. fabric-gateway's own signer computes ECDSA in JavaScript (@noble/curves,
 * ~0.58 ms a signature on this machine against ~0.05 ms here: `npx ts-node bench/signing-cost.ts`), and a
 * transaction takes three: the proposal, the transaction and the commit status request. The Gateway must be connected with `hash: hash.none`, so this
 * signer receives the message itself and hashes it with SHA-256 (Fabric's hash for ECDSA identities). Fabric
 * accepts only low-S signatures, so S is replaced by n − S where it is above half the curve order.
 */
export function newNativeEcdsaSigner(key: KeyObject): Signer {
  const curve = key.asymmetricKeyDetails?.namedCurve ?? '';
  const order = CURVE_ORDERS[curve];
  if (key.asymmetricKeyType !== 'ec' || order === undefined) {
    throw new Error(
      `unsupported signing key: ${key.asymmetricKeyType ?? 'unknown'} ${curve} (P-256 or P-384 expected)`,
    );
  }
  const halfOrder = order / 2n;
  return (message) => {
    // r ‖ s, each as long as the curve order.
    const raw = sign('sha256', message, { key, dsaEncoding: 'ieee-p1363' });
    const half = raw.length / 2;
    const r = BigInt(`0x${raw.subarray(0, half).toString('hex')}`);
    let s = BigInt(`0x${raw.subarray(half).toString('hex')}`);
    if (s > halfOrder) s = order - s;
    return Promise.resolve(derSignature(r, s));
  };
}

/** `SEQUENCE { INTEGER r, INTEGER s }` in DER. */
function derSignature(r: bigint, s: bigint): Uint8Array {
  const body = Buffer.concat([derInteger(r), derInteger(s)]);
  return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
}

function derInteger(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  // A positive INTEGER whose first byte has the top bit set gets a leading zero byte.
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02]), derLength(bytes.length), bytes]);
}

function derLength(length: number): Buffer {
  return length < 0x80 ? Buffer.from([length]) : Buffer.from([0x81, length]);
}
