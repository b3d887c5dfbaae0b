import type { ClientIdentity } from 'fabric-shim-api';

/** A test user: MSP id, common name and CA attributes (`carbon.role`, `carbon.entity`). */
export interface TestIdentity {
  readonly name: string;
  readonly mspId: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** In-memory {@link ClientIdentity} answering from a {@link TestIdentity}. */
export class MemoryClientIdentity implements ClientIdentity {
  constructor(private readonly identity: TestIdentity) {}

  assertAttributeValue(attrName: string, attrValue: string): boolean {
    return this.identity.attributes[attrName] === attrValue;
  }

  getAttributeValue(attrName: string): string | null {
    return this.identity.attributes[attrName] ?? null;
  }

  getID(): string {
    return `x509::/CN=${this.identity.name}::/CN=ca.${this.identity.mspId}`;
  }

  getIDBytes(): Uint8Array {
    return Buffer.from(this.getID(), 'utf8');
  }

  getMSPID(): string {
    return this.identity.mspId;
  }
}
