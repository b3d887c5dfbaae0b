import { Certificate } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { dayPeriodOption, dayPeriodOptionSpecs } from './day-period-options';
import { facades, show, wholeOption } from './support';

export const certificatesIssueCommand: Command = {
  name: 'certificates issue',
  summary:
    "Regulator: issue green certificates (1 per MWh) for a device's metered production; no day twice (Certificate:IssueCertificates)",
  options: {
    device: { type: 'string', description: 'the generating device (meter)' },
    installation: { type: 'string', description: 'the registered installation the device belongs to' },
    ...dayPeriodOptionSpecs('production'),
    quantity: { type: 'string', description: 'MWh of metered renewable production' },
    account: { type: 'string', description: "an open account of the installation's entity" },
  },
  async run(context) {
    const request = contractRequest(Certificate.issueCertificates, {
      deviceId: requiredOption(context, 'device'),
      installationId: requiredOption(context, 'installation'),
      productionPeriod: dayPeriodOption(context),
      quantity: wholeOption(context, 'quantity'),
      toAccount: requiredOption(context, 'account'),
    });
    const issuance = await facades(context).certificate.issueCertificates(request);
    show(context, issuance, {
      device: issuance.deviceId,
      period: `${issuance.productionPeriod.from}..${issuance.productionPeriod.to}`,
      serials: `${issuance.serialStart}-${issuance.serialEnd}`,
      mwh: issuance.quantity,
      account: issuance.accountId,
      lot: issuance.lotId,
    });
  },
};
