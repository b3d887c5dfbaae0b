import { generateKeyPairSync, verify } from 'node:crypto';
import { newNativeEcdsaSigner } from './native-signer';

const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** r and s of a DER `SEQUENCE { INTEGER r, INTEGER s }` (short lengths, as P-256 signatures have). */
function integersOf(der: Uint8Array): { r: bigint; s: bigint } {
  const bytes = Buffer.from(der);
  expect(bytes[0]).toBe(0x30);
  expect(bytes[1]).toBe(bytes.length - 2);
  const read = (at: number) => {
    expect(bytes[at]).toBe(0x02);
    const length = bytes[at + 1] ?? 0;
    const value = bytes.subarray(at + 2, at + 2 + length);
    // Minimal encoding: a leading zero only before a byte with its top bit set.
    if (value[0] === 0) expect((value[1] ?? 0) & 0x80).not.toBe(0);
    expect((value[0] ?? 0) & 0x80).toBe(0);
    return { value: BigInt(`0x${value.toString('hex')}`), next: at + 2 + length };
  };
  const r = read(2);
  const s = read(r.next);
  expect(s.next).toBe(bytes.length);
  return { r: r.value, s: s.value };
}

describe('native ECDSA signer', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const sign = newNativeEcdsaSigner(privateKey);

  it('signs the SHA-256 of the message, in DER, with S always in the lower half (Fabric refuses the upper)', async () => {
    // Half of all ECDSA signatures have a high S before normalisation: 64 make missing it all but impossible.
    for (let i = 0; i < 64; i++) {
      const message = Buffer.from(`proposal ${i}`);
      const signature = await sign(message);
      expect(verify('sha256', message, publicKey, signature)).toBe(true);
      const { r, s } = integersOf(signature);
      expect(r > 0n && r < P256_ORDER).toBe(true);
      expect(s > 0n && s <= P256_ORDER / 2n).toBe(true);
    }
  });

  it('signs with P-384 keys too, S in the lower half', async () => {
    const P384_ORDER =
      0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n;
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const sign384 = newNativeEcdsaSigner(pair.privateKey);
    for (let i = 0; i < 16; i++) {
      const message = Buffer.from(`transaction ${i}`);
      const signature = await sign384(message);
      expect(verify('sha256', message, pair.publicKey, signature)).toBe(true);
      expect(integersOf(signature).s <= P384_ORDER / 2n).toBe(true);
    }
  });

  it('does not verify for another message', async () => {
    const signature = await sign(Buffer.from('one'));
    expect(verify('sha256', Buffer.from('two'), publicKey, signature)).toBe(false);
  });

  it('refuses a key Fabric identities do not use, naming it', () => {
    const { privateKey: ed } = generateKeyPairSync('ed25519');
    expect(() => newNativeEcdsaSigner(ed)).toThrow(/unsupported signing key: ed25519/);
    const { privateKey: k1 } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    expect(() => newNativeEcdsaSigner(k1)).toThrow(/unsupported signing key: ec secp256k1/);
  });
});
