import { parseJsonText } from '@carbon-ets/contract';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../api-error';

/** The largest request body: a report with 200 activity lines and 100 documents fits with room to spare. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Reads JSON bodies exactly (the wire contract's parser): numbers keep their written text, a repeated key is
 * refused. `JSON.parse` would round `7.0000000000000001` to 7 before anything could check it.
 */
export function useExactJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES },
    (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      try {
        done(null, parseJsonText(text, 'the request body'));
      } catch (err) {
        const message = err instanceof Error ? err.message.replace(/^INVALID_ARGUMENT: /, '') : String(err);
        done(new ApiError('INVALID_ARGUMENT', message), undefined);
      }
    },
  );
}
