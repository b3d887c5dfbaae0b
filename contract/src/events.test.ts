import { CARBON_EVENT_NAMES, isCarbonEventName, parseCarbonEvent } from './events';

describe('the event map', () => {
  test('names are the map’s own keys only', () => {
    expect(CARBON_EVENT_NAMES).toContain('OrdersMatched');
    expect(isCarbonEventName('toString')).toBe(false);
    expect(isCarbonEventName('__proto__')).toBe(false);
  });

  test('a payload is judged by the schema of its name; a missing field is named', () => {
    const deposit = { accountId: 'TRADE1', amount: '500', entryId: 'tx1.0', txId: 'tx1' };
    expect(parseCarbonEvent('FundsDeposited', deposit)).toEqual({
      success: true,
      event: { name: 'FundsDeposited', payload: deposit },
    });
    const withoutEntry: Partial<typeof deposit> = { ...deposit };
    delete withoutEntry.entryId;
    expect(parseCarbonEvent('FundsDeposited', withoutEntry)).toEqual({
      success: false,
      mismatch: {
        reason: 'invalid-payload',
        message: expect.stringMatching(/^event FundsDeposited: entryId: /) as unknown,
      },
    });
    expect(parseCarbonEvent('FundsDeposited', 'text')).toMatchObject({
      mismatch: { message: expect.stringMatching(/^event FundsDeposited: payload: /) as unknown },
    });
  });
});
