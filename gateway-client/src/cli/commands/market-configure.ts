import type { UnitType } from '../../contracts';
import { type Command, ExpectedError, requiredOption } from '../command';
import { facades, optionalWhole, show, wholeOption } from './support';

export const marketConfigureCommand: Command = {
  name: 'market configure',
  summary: 'Regulator: list an instrument or change its trading rules (Market:ConfigureInstrument)',
  options: {
    instrument: { type: 'string', description: 'e.g. allowance-2030 (the period must exist)' },
    'reference-price': { type: 'string', description: 'band reference until the first close, fen/t' },
    tick: { type: 'string', description: 'price tick, fen (default 1)' },
    'min-quantity': { type: 'string', description: 'smallest order, t (default 1)' },
    'band-bp': { type: 'string', description: 'price band, basis points (default 1000 = ±10 %)' },
  },
  async run(context) {
    const instrument = requiredOption(context, 'instrument');
    const match = /^(allowance|offset)-([0-9]{4})$/.exec(instrument);
    if (!match?.[1] || !match[2]) throw new ExpectedError('--instrument must look like allowance-2030');
    const tick = optionalWhole(context, 'tick');
    const minQuantity = optionalWhole(context, 'min-quantity');
    const band = optionalWhole(context, 'band-bp');
    const configured = await facades(context).market.configureInstrument({
      unitType: match[1] as UnitType,
      vintage: Number(match[2]),
      referencePrice: wholeOption(context, 'reference-price'),
      ...(tick === undefined ? {} : { tick }),
      ...(minQuantity === undefined ? {} : { minQuantity }),
      ...(band === undefined ? {} : { bandBasisPoints: band }),
    });
    show(context, configured);
  },
};
