import { Certificate, formatSerials } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, show, wholeOption } from './support';

export const certificatesTransferCommand: Command = {
  name: 'certificates transfer',
  summary:
    "Holder: transfer green certificates from your entity's account (Certificate:TransferCertificates)",
  options: {
    from: { type: 'string', description: "source account (your entity's)" },
    to: { type: 'string', description: 'destination account' },
    quantity: { type: 'string', description: 'MWh' },
    device: { type: 'string', description: "only this device's certificates" },
  },
  async run(context) {
    const deviceId = optionalText(context, 'device');
    const request = contractRequest(Certificate.transferCertificates, {
      fromAccount: requiredOption(context, 'from'),
      toAccount: requiredOption(context, 'to'),
      quantity: wholeOption(context, 'quantity'),
      ...(deviceId === undefined ? {} : { deviceId }),
    });
    const result = await facades(context).certificate.transferCertificates(request);
    show(context, result, {
      from: result.fromAccount,
      to: result.toAccount,
      mwh: result.quantity,
      newLots: result.moved.map((lot) => `${lot.id} (${formatSerials(lot)})`).join(', '),
      ...(result.pendingApproval === undefined
        ? {}
        : { pendingApproval: `${result.pendingApproval.id} (a second representative approves)` }),
    });
  },
};
