import { type ComplianceUnitType, Market } from '@carbon-ets/contract';
import { type Command, ExpectedError, requiredOption } from '../command';
import { formatAmount } from '../../money';
import { instrumentCurrency, moneyOptionSpec, optionalPrice, priceOption } from './money-options';
import { contractRequest } from './contract-request';
import { facades, optionalWhole, show } from './support';

export const marketConfigureCommand: Command = {
  name: 'market configure',
  summary: 'Regulator: list an instrument or change its trading rules (Market:ConfigureInstrument)',
  options: {
    instrument: { type: 'string', description: 'e.g. allowance-2030 (the period must exist)' },
    'reference-price': moneyOptionSpec('band reference per tonne until the first close'),
    tick: moneyOptionSpec('price tick (default 0.01)'),
    'min-quantity': { type: 'string', description: 'smallest order, t (default 1)' },
    'band-bp': { type: 'string', description: 'price band, basis points (default 1000 = ±10 %)' },
  },
  async run(context) {
    const instrument = requiredOption(context, 'instrument');
    const match = /^(allowance|offset)-([0-9]{4})$/.exec(instrument);
    if (!match?.[1] || !match[2]) throw new ExpectedError('--instrument must look like allowance-2030');
    const referencePrice = priceOption(context, 'reference-price');
    const tick = optionalPrice(context, 'tick');
    const minQuantity = optionalWhole(context, 'min-quantity');
    const band = optionalWhole(context, 'band-bp');
    const request = contractRequest(Market.configureInstrument, {
      unitType: match[1] as ComplianceUnitType,
      vintage: Number(match[2]),
      referencePrice,
      ...(tick === undefined ? {} : { tick }),
      ...(minQuantity === undefined ? {} : { minQuantity }),
      ...(band === undefined ? {} : { bandBasisPoints: band }),
    });
    const { market, period } = facades(context);
    const currency = await instrumentCurrency(period, instrument);
    const configured = await market.configureInstrument(request);
    show(context, configured, {
      ...configured,
      referencePrice: formatAmount(configured.referencePrice, currency),
      tick: formatAmount(configured.tick, currency),
    });
  },
};
