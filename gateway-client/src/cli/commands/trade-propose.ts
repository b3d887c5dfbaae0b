import { randomBytes } from 'node:crypto';
import { Market, PRICE_NONCE_BYTES, priceNonceOf } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { formatAmount, formatMoney } from '../../money';
import { instrumentCurrency, moneyOptionSpec, priceOption } from './money-options';
import { contractRequest } from './contract-request';
import { facades, optionalText, show, wholeOption } from './support';

export const tradeProposeCommand: Command = {
  name: 'trade propose',
  summary:
    'Trader/operator: offer a negotiated trade to a named buyer entity; locks the units (Market:ProposeTrade)',
  options: {
    account: { type: 'string', description: 'your selling account' },
    buyer: { type: 'string', description: 'the buyer entity, e.g. ENT2' },
    instrument: { type: 'string', description: 'e.g. allowance-2030' },
    price: moneyOptionSpec('price per tonne'),
    quantity: { type: 'string', description: 'tonnes' },
    'expires-at': { type: 'string', description: 'ISO time the offer lapses' },
    'off-channel': {
      type: 'boolean',
      description:
        'payment off-channel: the price stays private (your and the buyer’s collections); prints the nonce to give the buyer with it',
    },
  },
  async run(context) {
    const expiresAt = optionalText(context, 'expires-at');
    const offChannel = context.options['off-channel'] === true;
    const price = priceOption(context, 'price');
    // The nonce is drawn here, never by the chaincode (endorsing peers must agree): without it the private
    // price could be found from the SHA-256 Fabric writes into the block, by trying every price in the band.
    const priceNonce = offChannel ? priceNonceOf(randomBytes(PRICE_NONCE_BYTES)) : undefined;
    // Every option is checked before the connection opens: a mistyped price submits nothing.
    const request = contractRequest(Market.proposeTrade, {
      accountId: requiredOption(context, 'account'),
      buyerEntityId: requiredOption(context, 'buyer'),
      instrument: requiredOption(context, 'instrument'),
      ...(priceNonce === undefined ? { price } : { agreedPrice: price, priceNonce }),
      quantity: wholeOption(context, 'quantity'),
      ...(expiresAt === undefined ? {} : { expiresAt }),
    });
    const { market, period } = facades(context);
    const currency = await instrumentCurrency(period, request.instrument);
    const proposal = await market.proposeTrade(request);
    const shown = formatAmount(price, currency);
    if (priceNonce === undefined) {
      show(context, proposal, { ...proposal, price: shown });
      return;
    }
    // The answer is in the block, so it has no price: the agreed price and the nonce are printed from here.
    show(
      context,
      { ...proposal, agreedPrice: price, priceNonce },
      {
        id: proposal.id,
        status: proposal.status,
        settlement: `${proposal.settlement ?? ''} (the buyer pays you outside the ledger)`,
        agreedPrice: `${shown} (private)`,
        priceNonce,
        quantity: proposal.quantity,
        expiresAt: proposal.expiresAt,
        // Passed to the buyer outside the ledger, as the payment is.
        buyerAccepts: `carbon trade accept --proposal ${proposal.id} --account <account> --agreed-price ${formatMoney(price)} --price-nonce ${priceNonce}`,
      },
    );
  },
};
