import { Certificate } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type {
  CertificateApplication,
  CertificateDevice,
  CertificateIssuance,
  ProductionPeriod,
} from '@carbon-ets/contract';

/** `Certificate`: green electricity certificates — issuance (regulator), transfer and cancellation (holders). */
export const CertificateClient = facadeOf(Certificate);
export type CertificateClient = Facade<typeof Certificate>;
