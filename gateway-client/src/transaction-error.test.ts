import { TransactionError } from './transaction-error';

describe('TransactionError: how it failed, and the chaincode code as a field', () => {
  test("a refusal carries the chaincode's code, and its reason without it", () => {
    const err = new TransactionError('REJECTED', 'NOT_FOUND: account ACC1 does not exist');
    expect(err).toMatchObject({
      kind: 'REJECTED',
      code: 'NOT_FOUND',
      reason: 'account ACC1 does not exist',
      message: 'NOT_FOUND: account ACC1 does not exist',
    });
  });

  test('a refusal whose message names no known code has none', () => {
    expect(new TransactionError('REJECTED', 'TEAPOT: short and stout')).toMatchObject({
      code: undefined,
      reason: 'TEAPOT: short and stout',
    });
  });

  test('a failure that is not a refusal has no code, even if its message starts like one', () => {
    const err = new TransactionError('CONFLICT', 'CONFLICT: still conflicted', {
      transactionId: 'tx1',
      validationCode: 'MVCC_READ_CONFLICT',
      hint: 'try again',
    });
    expect(err).toMatchObject({
      kind: 'CONFLICT',
      code: undefined,
      transactionId: 'tx1',
      validationCode: 'MVCC_READ_CONFLICT',
      hint: 'try again',
    });
  });
});
