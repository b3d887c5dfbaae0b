import type { z } from 'zod';

/** A field's path as a reader writes it: `organizations[2].peer.port`, `users["my user"]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part))
      text += text === '' ? part : `.${part}`;
    else text += `[${JSON.stringify(String(part))}]`;
  }
  return text;
}

/**
 * Error map for configuration files: a missing field "is required", a wrong type says what it must be. Messages
 * declared on a schema take precedence; pass it as `schema.safeParse(value, { error: configErrorMap })`.
 */
export const configErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'is required';
  const expected =
    issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
  return `must be ${expected}`;
};

/**
 * A schema's own message for a value that is there but wrong; a missing value still "is required" (a message
 * given to a type such as `z.int(…)` would otherwise be said of a missing field too).
 */
export function unlessMissing(message: string | ((input: unknown) => string)) {
  return {
    error: (issue: { readonly input?: unknown }): string | undefined =>
      issue.input === undefined ? undefined : typeof message === 'string' ? message : message(issue.input),
  };
}

/**
 * The first problem of a failed parse as one line, field path first: `organizations[2].peer.port: must be an
 * integer in 1024..65535`, `ordering.raft.tick: unknown key`. One line is what a person fixing a file needs;
 * the next problem shows on the next run.
 */
export function describeConfigIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  if (issue.code === 'unrecognized_keys') {
    const [key, ...more] = issue.keys;
    if (key !== undefined && more.length === 0) return `${fieldPath([...issue.path, key])}: unknown key`;
    return `${fieldPath(issue.path) || 'top level'}: unknown keys ${issue.keys.join(', ')}`;
  }
  const where = fieldPath(issue.path);
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}
