import {
  type AnswerOf,
  type ContractDefinition,
  type InputsOf,
  qualifiedName,
  type RequestOf,
  type TransactionDefinition,
} from '@carbon-ets/contract';
import type { CarbonConnection } from '../connect';
import { ContractClient, type ContractClientOptions } from './contract-client';

/**
 * The typed client of one contract of the wire contract: a method per transaction, named as in the contract
 * definition. A write takes its request object; a read takes its positional arguments. Answers are checked
 * against the contract's answer schema.
 */
export type Facade<C extends ContractDefinition> = {
  readonly [M in keyof C]: C[M] extends TransactionDefinition & { readonly kind: 'submit' }
    ? (request: RequestOf<C[M]>) => Promise<AnswerOf<C[M]>>
    : (...args: InputsOf<C[M]['args']>) => Promise<AnswerOf<C[M]>>;
};

/** The constructor of a contract's façade: `new AllowanceClient(connection, options)`. */
export interface FacadeConstructor<C extends ContractDefinition> {
  new (connection: CarbonConnection, options?: ContractClientOptions): Facade<C>;
  /** The methods, typed: `jest.spyOn(MarketClient.prototype, 'placeOrder')` sees their signatures. */
  readonly prototype: Facade<C>;
}

/** Builds the façade class of a contract definition (see {@link Facade}). */
export function facadeOf<C extends ContractDefinition>(definitions: C): FacadeConstructor<C> {
  class DefinedFacade extends ContractClient {
    // The methods live on the prototype, like hand-written ones, so tests can spy on `Client.prototype.x`.
    static {
      for (const [method, definition] of Object.entries(definitions)) {
        Object.defineProperty(DefinedFacade.prototype, method, {
          configurable: true,
          writable: true,
          value:
            definition.kind === 'submit'
              ? function (this: DefinedFacade, request: unknown) {
                  return this.submitDefined(definition, request);
                }
              : function (this: DefinedFacade, ...args: unknown[]) {
                  return this.evaluateDefined(definition, args);
                },
        });
      }
    }
  }
  Object.defineProperty(DefinedFacade, 'name', {
    value: `${Object.values(definitions)[0]?.contract ?? 'Contract'}Client`,
  });
  return DefinedFacade as unknown as FacadeConstructor<C>;
}

export { qualifiedName };
