import { API_ERROR_STATUS } from '../api-error';

/** The JSON Schema of every error answer: `{ code, message, transactionId? }`. */
export const ERROR_BODY_SCHEMA = {
  type: 'object',
  properties: {
    code: { type: 'string', enum: Object.keys(API_ERROR_STATUS) },
    message: { type: 'string' },
    transactionId: { type: 'string' },
  },
  required: ['code', 'message'],
} as const;

/** The error answers every route may give, for the API document. */
export const ERROR_RESPONSES = {
  '4XX': {
    description:
      'Refused: bad input (400), not logged in (401), not allowed (403), unknown (404), conflict (409), failed precondition (422)',
    content: { 'application/json': { schema: ERROR_BODY_SCHEMA } },
  },
  '5XX': {
    description:
      'The network failed: unavailable (503) or outcome unknown (504, retry with the same Idempotency-Key)',
    content: { 'application/json': { schema: ERROR_BODY_SCHEMA } },
  },
} as const;
