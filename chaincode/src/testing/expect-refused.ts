import type { ChaincodeErrorCode } from '@carbon-ets/contract';
import type { TestLedger } from './test-ledger';

/** Every chaincode error code, for a refusal whose code a test does not pin down. */
export const AnyCode: readonly ChaincodeErrorCode[] = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'FAILED_PRECONDITION',
];

/**
 * Asserts that `attempt` — a submit on `ledger`, started in the same expression — is refused with `code` (or
 * one of several codes) and `message`, when given; that the refused transaction attempted no write at all;
 * and that the world is unchanged. Call it as
 * `await expectRefused(ledger, submit(ledger, …), 'INVALID_ARGUMENT', /…/)`: the world's fingerprint is taken
 * before the attempt can commit anything, since a submit commits only after its transaction function has
 * resolved. Returns the error for further checks.
 */
export async function expectRefused(
  ledger: TestLedger,
  attempt: Promise<unknown>,
  code: ChaincodeErrorCode | readonly ChaincodeErrorCode[],
  message?: string | RegExp,
): Promise<Error> {
  const codes: readonly ChaincodeErrorCode[] = typeof code === 'string' ? [code] : code;
  const before = ledger.world.fingerprint();
  const refusalsBefore = ledger.refusals.length;
  const error = await attempt.then(
    (result: unknown) => {
      throw new Error(
        `expected a ${codes.join(' or ')} refusal, but the transaction succeeded with ${JSON.stringify(result)}`,
      );
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  const text = (error as Error).message;
  expect(text).toMatch(new RegExp(`^(${codes.join('|')}): `));
  if (message !== undefined) {
    expect(text).toMatch(message);
  }
  // Exactly one failed submit on this ledger: an evaluate, or a submit on another ledger, would prove nothing.
  expect(ledger.refusals).toHaveLength(refusalsBefore + 1);
  expect(ledger.lastRefusal()?.attemptedWrites).toEqual([]);
  expect(ledger.world.fingerprint()).toBe(before);
  return error as Error;
}
