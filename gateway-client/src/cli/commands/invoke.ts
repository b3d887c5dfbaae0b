import { evaluate, submit } from '../../submit';
import { type Command, ExpectedError } from '../command';
import { decodeResult } from '../output';

export const invokeCommand: Command = {
  name: 'invoke',
  summary: 'Submit (or with --evaluate, query) any chaincode transaction: the escape hatch for scripts',
  arguments: {
    '<Contract:Function>': 'the transaction, e.g. System:WhoAmI',
    '[argument...]': 'its arguments, as the chaincode takes them (JSON for a request)',
  },
  options: {
    evaluate: { type: 'boolean', description: 'query the peer only; nothing is ordered or written' },
  },
  async run(context) {
    const [transaction, ...args] = context.args;
    if (!transaction || !/^[A-Z][A-Za-z]*:[A-Z][A-Za-z]*$/.test(transaction)) {
      throw new ExpectedError('name the transaction as Contract:Function, e.g. System:WhoAmI');
    }
    const connection = context.connect();
    if (context.options.evaluate === true) {
      const result = decodeResult(await evaluate(connection.contract, transaction, args));
      context.print(context.json || typeof result !== 'string' ? JSON.stringify(result, null, 2) : result);
      return;
    }
    const outcome = await submit(connection.contract, transaction, { arguments: args });
    const result = decodeResult(outcome.result);
    if (context.json) {
      context.print(
        JSON.stringify(
          {
            transactionId: outcome.transactionId,
            blockNumber: Number(outcome.blockNumber),
            attempts: outcome.attempts,
            result,
          },
          null,
          2,
        ),
      );
    } else {
      context.note(`committed ${outcome.transactionId} in block ${outcome.blockNumber}`);
      context.print(typeof result === 'string' ? result : JSON.stringify(result, null, 2));
    }
  },
};
