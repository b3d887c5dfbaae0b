import { Allowance, type RequestOf } from '@carbon-ets/contract';
import { type Command, ExpectedError, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, optionalWhole, show, wholeOption } from './support';

export const allowancesAllocateCommand: Command = {
  name: 'allowances allocate',
  summary: 'Regulator: free allocation to an installation: --quantity, or --benchmark and --output',
  options: {
    period: { type: 'string', description: 'the period (= vintage)' },
    installation: { type: 'string', description: 'the installation (its holding account receives)' },
    quantity: { type: 'string', description: 'tonnes, explicit' },
    benchmark: { type: 'string', description: 'a benchmark id of the period, e.g. gas' },
    output: { type: 'string', description: 'output in the benchmark unit (decimal, e.g. 1200000 MWh)' },
    correction: { type: 'string', description: 'comma-separated correction factors, e.g. 1,0.97' },
  },
  async run(context) {
    const period = wholeOption(context, 'period');
    const installationId = requiredOption(context, 'installation');
    const quantity = optionalWhole(context, 'quantity');
    const benchmarkId = optionalText(context, 'benchmark');
    if ((quantity === undefined) === (benchmarkId === undefined))
      throw new ExpectedError('give either --quantity or --benchmark with --output');
    const correction = optionalText(context, 'correction');
    const request: RequestOf<typeof Allowance.allocateFree> =
      quantity !== undefined
        ? { period, installationId, quantity }
        : {
            period,
            installationId,
            benchmarkId: benchmarkId ?? '',
            output: requiredOption(context, 'output'),
            ...(correction === undefined ? {} : { correctionFactors: correction.split(',') }),
          };
    const result = await facades(context).allowance.allocateFree(
      contractRequest(Allowance.allocateFree, request),
    );
    show(context, result, {
      installation: result.allocation.installationId,
      account: result.allocation.accountId,
      quantity: result.allocation.quantity,
      method: result.allocation.method,
      lots: result.lots.map((lot) => lot.id).join(', '),
    });
  },
};
