/**
 * What one transaction signature costs the client: `npx ts-node bench/signing-cost.ts [--signatures 2000]`.
 * Signs the same 3 KB message (about a proposal's size) with fabric-gateway's own signer (ECDSA in JavaScript,
 * on a SHA-256 digest) and with the gateway client's native signer (OpenSSL, hashing the message itself), P-256
 * as Fabric CA issues, and prints milliseconds per signature. A transaction takes three signatures.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { signers } from '@hyperledger/fabric-gateway';
import { newNativeEcdsaSigner } from '@carbon-ets/gateway-client';

async function msPerSignature(sign: () => Promise<Uint8Array>, count: number): Promise<number> {
  for (let i = 0; i < 100; i++) await sign(); // warm-up
  const started = performance.now();
  for (let i = 0; i < count; i++) await sign();
  return (performance.now() - started) / count;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { signatures: { type: 'string', default: '2000' } } });
  const count = Number(values.signatures);
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const message = randomBytes(3_000);
  const digest = createHash('sha256').update(message).digest();
  const gatewaySigner = signers.newPrivateKeySigner(privateKey);
  const nativeSigner = newNativeEcdsaSigner(privateKey);
  const javascript = await msPerSignature(() => gatewaySigner(digest), count);
  const native = await msPerSignature(() => nativeSigner(message), count);
  console.log(`## Signing cost: \`npx ts-node bench/signing-cost.ts --signatures ${count}\``);
  console.log('');
  console.log(`- date: ${new Date().toISOString()}`);
  console.log(
    `- fabric-gateway's signer (JavaScript ECDSA, digest given): ${javascript.toFixed(3)} ms a signature`,
  );
  console.log(`- native signer (OpenSSL, SHA-256 of 3 KB included): ${native.toFixed(3)} ms a signature`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
