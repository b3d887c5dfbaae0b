import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ClientIdentity, type ChaincodeStub } from 'fabric-shim';
import { reuseParsedCertificates, type CertificateParser } from './shim-certificates';
import { requireAsShim } from './shim-modules';

// A certificate Fabric CA issued to Enterprise1's trader1, with the carbon attributes.
const pem = readFileSync(path.join(__dirname, 'testing', 'enterprise1-trader1-cert.pem'));
const parser = requireAsShim('@fidm/x509') as CertificateParser;

/** fabric-shim's own ClientIdentity for a transaction from that certificate. */
function identityOf(txId: string) {
  const stub = {
    getChannelID: () => 'carbon',
    getTxID: () => txId,
    getCreator: () => ({ mspid: 'Enterprise1MSP', idBytes: new Uint8Array(pem) }),
  } as unknown as ChaincodeStub;
  const identity = new ClientIdentity(stub);
  return {
    id: identity.getID(),
    mspId: identity.getMSPID(),
    role: identity.getAttributeValue('carbon.role'),
    entity: identity.getAttributeValue('carbon.entity'),
    user: identity.getAttributeValue('hf.EnrollmentID'),
  };
}

describe("caller certificates (fabric-shim's ClientIdentity)", () => {
  it('parses a certificate once and builds the same identity from it as before', () => {
    // This file's own module registry: the parser is not yet changed here.
    const before = identityOf('tx-1');
    expect(before).toEqual({
      id: expect.stringMatching(/^x509::.*CN=trader1.*::.*$/) as unknown,
      mspId: 'Enterprise1MSP',
      role: 'trader',
      entity: 'ENT1',
      user: 'trader1',
    });

    // The parser itself, watched: the cache wraps it.
    const parse = jest.spyOn(parser.Certificate, 'fromPEM');
    reuseParsedCertificates(parser);
    expect(identityOf('tx-2')).toEqual(before);
    expect(identityOf('tx-3')).toEqual(before);
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
