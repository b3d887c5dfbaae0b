import { Certificate, formatSerials } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, show, wholeOption } from './support';

export const certificatesCancelCommand: Command = {
  name: 'certificates cancel',
  summary:
    'Operator/trader: cancel green certificates for a beneficiary, for good; the cancelled lots may then be listed in a report (Certificate:CancelCertificates)',
  options: {
    account: { type: 'string', description: "your entity's account holding the certificates" },
    quantity: { type: 'string', description: 'MWh' },
    beneficiary: { type: 'string', description: 'on whose behalf' },
    reason: { type: 'string', description: 'why' },
    device: { type: 'string', description: "only this device's certificates" },
  },
  async run(context) {
    const reason = optionalText(context, 'reason');
    const deviceId = optionalText(context, 'device');
    const request = contractRequest(Certificate.cancelCertificates, {
      accountId: requiredOption(context, 'account'),
      quantity: wholeOption(context, 'quantity'),
      beneficiary: requiredOption(context, 'beneficiary'),
      ...(reason === undefined ? {} : { reason }),
      ...(deviceId === undefined ? {} : { deviceId }),
    });
    const result = await facades(context).certificate.cancelCertificates(request);
    show(context, result, {
      mwh: result.quantity,
      cancelledLots: result.lots.map((lot) => `${lot.id} (${formatSerials(lot)})`).join(', '),
    });
  },
};
