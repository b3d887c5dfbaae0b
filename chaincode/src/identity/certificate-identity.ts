import type { CertificateIdentity } from '@carbon-ets/contract';
import type { Context } from 'fabric-contract-api';

export type { CertificateIdentity };

/** The enrolment id Fabric CA writes into every certificate it issues. */
const ENROLLMENT_ID_ATTRIBUTE = 'hf.EnrollmentID';

/**
 * Who exactly is calling: the MSP and the user's enrolment id. Fabric CA puts the enrolment id in the
 * certificate's attributes (`hf.EnrollmentID`) and makes it the subject's common name; the CN is the fallback
 * for certificates without attributes. It is the name the user was registered under — the member server's user
 * name — so a representative recorded as `{ mspId, userName }` is one person, not a role.
 */
export function certificateIdentityOf(ctx: Context): CertificateIdentity {
  const identity = ctx.clientIdentity;
  const enrollmentId = identity.getAttributeValue(ENROLLMENT_ID_ATTRIBUTE);
  return {
    mspId: identity.getMSPID(),
    userName: enrollmentId !== null && enrollmentId !== '' ? enrollmentId : commonName(identity.getID()),
  };
}

/** The CN of `x509::<subject DN>::<issuer DN>`, the subject written `/C=…/O=…/CN=name`. */
function commonName(id: string): string {
  const subject = id.split('::')[1] ?? '';
  const cn = subject
    .split('/')
    .filter((part) => part.startsWith('CN='))
    .at(-1);
  return cn === undefined ? '' : cn.slice('CN='.length);
}

/** True when `a` and `b` name the same person. */
export function sameIdentity(a: CertificateIdentity, b: CertificateIdentity): boolean {
  return a.mspId === b.mspId && a.userName === b.userName;
}

/** `Enterprise1MSP/operator1`, as refusals name a person. */
export function identityText(identity: CertificateIdentity): string {
  return `${identity.mspId}/${identity.userName}`;
}
