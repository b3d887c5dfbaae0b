/** An error answer of the member server: `{ code, message, transactionId? }` and its HTTP status. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly transactionId?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  /**
   * The request field the message names (`order.price must be …` → `price`), so a form can show the one-line
   * error next to that field.
   */
  get field(): string | undefined {
    return /^[a-zA-Z]+\.([a-zA-Z]+)/.exec(this.message)?.[1] ?? /^([a-zA-Z]+) /.exec(this.message)?.[1];
  }
}

/**
 * Calls the org's own server (same origin, session cookie). Answers are JSON; an error answer becomes an
 * {@link ApiFailure}. A write may carry an idempotency key so a retried click is applied once.
 */
export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  idempotencyKey?: string,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    const error = (parsed ?? {}) as { code?: string; message?: string; transactionId?: string };
    throw new ApiFailure(
      response.status,
      error.code ?? 'UNKNOWN',
      error.message ?? `${method} ${path} failed (${response.status})`,
      error.transactionId,
    );
  }
  return parsed as T;
}

/** A fresh idempotency key for one user action. */
export function newRequestId(): string {
  return `web-${crypto.randomUUID()}`;
}
