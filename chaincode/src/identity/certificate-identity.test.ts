import '../testing/quiet-logs';
import { Context } from 'fabric-contract-api';
import { MemoryClientIdentity, type TestIdentity } from '../testing/memory-identity';
import { certificateIdentityOf, identityText, sameIdentity } from './certificate-identity';

function contextOf(identity: TestIdentity, id?: string): Context {
  const ctx = new Context();
  const client = new MemoryClientIdentity(identity);
  if (id !== undefined) client.getID = () => id;
  ctx.clientIdentity = client;
  return ctx;
}

describe('the certificate identity of a caller', () => {
  it('is the enrolment id Fabric CA wrote into the certificate', () => {
    const ctx = contextOf({
      name: 'cn-differs',
      mspId: 'Enterprise1MSP',
      attributes: { 'hf.EnrollmentID': 'trader1' },
    });
    expect(certificateIdentityOf(ctx)).toEqual({ mspId: 'Enterprise1MSP', userName: 'trader1' });
  });

  it("falls back to the subject's common name, the last CN of the subject", () => {
    const id = 'x509::/C=CN/O=Enterprise1/OU=client/CN=operator1::/C=CN/CN=ca.enterprise1';
    expect(
      certificateIdentityOf(contextOf({ name: 'x', mspId: 'Enterprise1MSP', attributes: {} }, id)),
    ).toEqual({
      mspId: 'Enterprise1MSP',
      userName: 'operator1',
    });
    expect(
      certificateIdentityOf(
        contextOf({ name: 'x', mspId: 'M', attributes: { 'hf.EnrollmentID': '' } }, 'x509::/O=x::/CN=ca'),
      ),
    ).toEqual({ mspId: 'M', userName: '' });
  });

  it('names and compares people by MSP and user name', () => {
    const a = { mspId: 'Enterprise1MSP', userName: 'operator1' };
    expect(identityText(a)).toBe('Enterprise1MSP/operator1');
    expect(sameIdentity(a, { ...a })).toBe(true);
    expect(sameIdentity(a, { ...a, mspId: 'Enterprise2MSP' })).toBe(false);
  });
});
