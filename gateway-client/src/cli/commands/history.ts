import { OBJECT_TYPES, type ObjectTypeName } from '../../contracts';
import { type Command, ExpectedError } from '../command';
import { facades, showTable } from './support';

export const historyCommand: Command = {
  name: 'history',
  summary: 'Auditor/regulator: every committed version of any object, with tx id and time (Query:GetHistory)',
  arguments: {
    '<type>': `the object's type: ${OBJECT_TYPES.join(', ')}`,
    '<id...>': "the object's id, in parts where its key has several (e.g. report <year> <installationId>)",
  },
  async run(context) {
    const [type, ...id] = context.args;
    const known = OBJECT_TYPES.find((t) => t === type);
    if (known === undefined || id.length === 0)
      throw new ExpectedError(`usage: carbon history <type> <id...>, type one of ${OBJECT_TYPES.join(', ')}`);
    const history = await facades(context).query.getHistory({ type: known satisfies ObjectTypeName, id });
    showTable(
      context,
      history,
      ['TIME', 'TX', 'DELETED', 'VALUE'],
      history.history.map((h) => [h.timestamp, h.txId, h.isDelete ? 'yes' : '', summarise(h.value)]),
      'no history',
    );
  },
};

/** A version in one line, cut to a terminal's width. */
function summarise(value: unknown): string {
  const text = value === undefined ? '-' : JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}
