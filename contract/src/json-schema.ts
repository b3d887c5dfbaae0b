import { z } from 'zod';

/** JSON Schema keywords that describe a field whose parser JSON Schema cannot express. */
export type JsonSchemaMeta = Record<string, unknown>;

/**
 * The plain schema an API document shows for a schema built with a custom check (a strict object, a bounded
 * list): what a client may send, without the exact-number and unknown-key checks that only code can do.
 */
export const documentedAs = new WeakMap<object, z.ZodType>();

/** The read arguments that carry a JSON object as text (`jsonArgument`): a REST API takes their fields. */
export const jsonArguments = new WeakSet();

/** Whether a read's positional argument is a JSON object sent as text. */
export function isJsonArgument(schema: z.ZodType): boolean {
  return jsonArguments.has(schema);
}

type JsonSchema = Record<string, unknown>;

function generate(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const document = z.toJSONSchema(schema, {
    io,
    // A field without a description (none should be left) must not stop the whole document.
    unrepresentable: 'any',
    override: (ctx) => {
      const documented = documentedAs.get(ctx.zodSchema);
      if (documented !== undefined) Object.assign(ctx.jsonSchema, generate(documented, io));
    },
  }) as JsonSchema;
  // A fragment of a larger document (a route's body, a nested field) carries no dialect of its own.
  delete document.$schema;
  return document;
}

/** The JSON Schema (2020-12) of what a client sends for `schema`: a request, a read's argument. */
export function requestJsonSchema(schema: z.ZodType): JsonSchema {
  return generate(schema, 'input');
}

/** The JSON Schema of what a client receives: an answer or an event payload. */
export function answerJsonSchema(schema: z.ZodType): JsonSchema {
  return generate(schema, 'output');
}
