import type { CarbonConnection } from '../connect';
import { ContractClient, type ContractClientOptions } from './contract-client';

/** One cash entry of settlement funds (minor units, decimal string), spent whole. */
export interface CashEntry {
  readonly id: string;
  readonly accountId: string;
  readonly amount: string;
}

/**
 * Funds of an account in minor units, as decimal strings: available, locked as buy-order escrow, and total.
 * `currency: 'fen'` is the chaincode's name for the minor unit, whatever the period's currency; format the
 * amounts with `formatMoney`.
 */
export interface FundsBalance {
  readonly accountId: string;
  readonly currency: 'fen';
  readonly available: string;
  readonly locked: string;
  readonly total: string;
  readonly entries: readonly CashEntry[];
}

export interface FundsMovement {
  readonly accountId: string;
  /** Fen, decimal string. */
  readonly amount: string;
  readonly reference?: string;
}

/** `Funds`: settlement funds; the regulator's org stands in for the exchange's settlement bank. */
export class FundsClient extends ContractClient {
  constructor(connection: CarbonConnection, options?: ContractClientOptions) {
    super(connection, 'Funds', options);
  }

  deposit(request: FundsMovement): Promise<CashEntry> {
    return this.write('Deposit', request);
  }

  /** Never more than the account has available; the owner's org endorses the debit. */
  withdraw(
    request: FundsMovement & { readonly entryIds?: readonly string[] },
  ): Promise<Record<string, unknown>> {
    return this.write('Withdraw', request);
  }

  getBalance(accountId: string): Promise<FundsBalance> {
    return this.read('GetBalance', accountId);
  }
}
