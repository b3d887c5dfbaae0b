import { z } from 'zod';
import { joinCommercial, splitCommercial } from './commercial-data';
import { parseJsonText } from './exact-json';
import { FIELD } from './fields';
import { invalidArgument } from './refusal';
import type { Role } from './roles';

/**
 * One transaction of the wire contract: its `Contract:Function` name, who may call it, and what goes in and
 * comes out. Writes take one JSON request; reads take positional string arguments, declared as `args`. The
 * chaincode validates with `request`/`args` and checks `roles`; the client, the CLI and the REST API are typed
 * from the same definition.
 */
export interface TransactionDefinition<
  Request extends z.ZodType = z.ZodType,
  Answer extends z.ZodType = z.ZodType,
  Args extends readonly z.ZodType[] = readonly z.ZodType[],
> {
  /** The contract's name, e.g. `Allowance`. */
  readonly contract: string;
  /** The function, e.g. `IssueAllowances`. */
  readonly name: string;
  /** `submit`: a write ordered into a block; `evaluate`: a read answered by one peer. */
  readonly kind: 'submit' | 'evaluate';
  /** The roles that may call it (the chaincode may narrow further, e.g. to the owning entity's users). */
  readonly roles: Callers;
  /** Names the request in refusals: `allocation.quantity must be greater than zero`. */
  readonly label: string;
  /** A write's JSON request. */
  readonly request: Request;
  /** A read's positional arguments. */
  readonly args: Args;
  readonly answer: Answer;
  /** One line for help texts and the API document. */
  readonly summary: string;
  /**
   * A write's top-level request fields that are commercial data (see commercial-data.ts): the client sends them in
   * the transient map, the chaincode refuses them as an argument and keeps them in the owner's collection.
   */
  readonly commercialFields?: readonly string[];
}

/**
 * Who may call a transaction: roles, or {@link ANY_IDENTITY} — any identity of the channel, with or without a
 * carbon role (the identity round trip, for diagnosing a missing role).
 */
export type Callers = readonly Role[] | typeof ANY_IDENTITY;
export const ANY_IDENTITY = 'any identity';

/** Every role: reads of reference data any participant may make. */
export const ANYONE: readonly Role[] = ['regulator', 'verifier', 'operator', 'trader', 'auditor'];

/** Declares a write (`submit`) taking one JSON request. */
export function write<Request extends z.ZodType, Answer extends z.ZodType>(definition: {
  contract: string;
  name: string;
  roles: Callers;
  label: string;
  summary: string;
  request: Request;
  answer: Answer;
  commercialFields?: readonly string[];
}): TransactionDefinition<Request, Answer, []> & { readonly kind: 'submit' } {
  return { ...definition, kind: 'submit', args: [] };
}

/** Declares a read (`evaluate`) taking positional arguments. */
export function read<const Args extends readonly z.ZodType[], Answer extends z.ZodType>(definition: {
  contract: string;
  name: string;
  roles: Callers;
  label: string;
  summary: string;
  args: Args;
  answer: Answer;
}): TransactionDefinition<z.ZodNever, Answer, Args> & { readonly kind: 'evaluate' } {
  return { ...definition, kind: 'evaluate', request: z.never() };
}

/** The `Contract:Function` name of a transaction. */
export function qualifiedName(definition: TransactionDefinition): string {
  return `${definition.contract}:${definition.name}`;
}

export type RequestOf<T extends TransactionDefinition> = z.input<T['request']>;
export type ParsedRequestOf<T extends TransactionDefinition> = z.output<T['request']>;
export type AnswerOf<T extends TransactionDefinition> = z.output<T['answer']>;
/** The parsed values of positional arguments. */
export type OutputsOf<A extends readonly z.ZodType[]> = { -readonly [I in keyof A]: z.output<A[I]> };
/** What a client passes as positional arguments. */
export type InputsOf<A extends readonly z.ZodType[]> = { -readonly [I in keyof A]: z.input<A[I]> };

/** A contract's transactions by the name of the client method that calls each (`issueAllowances`). */
export type ContractDefinition = Readonly<Record<string, TransactionDefinition>>;

/** `quantity`, `lines[2].quantity`: a field's path as refusals name it. */
function pathText(label: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    label,
  );
}

/** The first issue of a failed parse, as the one-line INVALID_ARGUMENT refusal. */
function refusalOf(label: string, error: z.ZodError) {
  const issue = error.issues[0];
  const where = pathText(label, issue?.path ?? []);
  const message = issue?.message ?? 'is not valid';
  return invalidArgument(message.includes(FIELD) ? message.split(FIELD).join(where) : `${where} ${message}`);
}

/**
 * Parses a write's JSON request text exactly (numbers judged on their text, duplicate keys refused) and
 * validates it with the transaction's schema; a refusal is one INVALID_ARGUMENT line naming the field. A write
 * with commercial fields takes them from `commercialText` (the transient map's JSON) and refuses them in `text`.
 */
export function parseRequest<T extends TransactionDefinition>(
  definition: T,
  text: string,
  commercialText?: string,
): ParsedRequestOf<T> {
  const argument = parseJsonText(text, definition.label);
  return validateRequest(
    definition,
    definition.commercialFields === undefined
      ? argument
      : joinCommercial(definition.label, definition.commercialFields, argument, commercialText),
  );
}

/**
 * The texts a client sends for a write: the argument, and its commercial fields (JSON) for the transient map
 * under `COMMERCIAL_TRANSIENT_KEY` when the transaction has any and the request carries them.
 */
export function requestTexts(
  definition: TransactionDefinition,
  request: unknown,
): { argument: string; commercial: string | undefined } {
  const { argument, commercial } = splitCommercial(definition.commercialFields, request);
  return {
    argument: JSON.stringify(argument),
    commercial: commercial === undefined ? undefined : JSON.stringify(commercial),
  };
}

/**
 * Validates a write's request already read exactly (by {@link parseJsonText}) with the transaction's schema; a
 * refusal is the same one INVALID_ARGUMENT line the chaincode gives.
 */
export function validateRequest<T extends TransactionDefinition>(
  definition: T,
  value: unknown,
): ParsedRequestOf<T> {
  const parsed = definition.request.safeParse(value);
  if (!parsed.success) throw refusalOf(definition.label, parsed.error);
  return parsed.data as ParsedRequestOf<T>;
}

/** Validates a read's positional arguments, each named by the schema's position in `names`. */
export function parseArgs<const A extends readonly z.ZodType[]>(
  definition: TransactionDefinition<z.ZodType, z.ZodType, A>,
  names: readonly string[],
  values: readonly string[],
): OutputsOf<A> {
  return definition.args.map((schema, index) => {
    const parsed = schema.safeParse(values[index]);
    if (!parsed.success) throw refusalOf(names[index] ?? `argument ${index + 1}`, parsed.error);
    return parsed.data;
  }) as unknown as OutputsOf<A>;
}
