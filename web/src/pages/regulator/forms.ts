import { ApiFailure } from '../../api';

/**
 * A value typed into a form that cannot be sent as it is: like the API's own refusal, its one-line message
 * shows next to the request field it concerns.
 */
export class InputError extends ApiFailure {
  constructor(
    private readonly input: string,
    message: string,
  ) {
    super(400, 'INVALID_ARGUMENT', message);
  }

  override get field(): string {
    return this.input;
  }
}

/** The error of a form that no field of `shown` displays: the form-level outcome shows it instead. */
export function otherError(
  action: { failure: Error | undefined; formError: string | undefined },
  shown: readonly string[],
): string | undefined {
  const { failure } = action;
  if (failure instanceof ApiFailure && failure.field !== undefined && shown.includes(failure.field)) {
    return undefined;
  }
  return action.formError;
}

/** A year or id as typed: a number when it is one, else the text (the ledger's error then names the field). */
export const wholeOrText = (text: string): number | string =>
  /^\s*\d+\s*$/.test(text) ? Number(text) : text.trim();

/** A non-empty text, trimmed. */
export function required(text: string, field: string, label: string): string {
  const value = text.trim();
  if (value === '') throw new InputError(field, `${label} is required`);
  return value;
}

/** Whole tonnes typed as `1000000` or `1,000,000`. */
export function wholeTonnes(text: string, field: string, label: string, allowZero = false): number {
  const digits = text.trim().replace(/,/g, '');
  const value = /^[0-9]{1,15}$/.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(value) || (!allowZero && value === 0)) {
    throw new InputError(field, `${label} must be a whole number of tonnes${allowZero ? '' : ' above zero'}`);
  }
  return value;
}

/** A whole number above zero, such as a version. */
export function positiveInteger(text: string, field: string, label: string): number {
  const value = /^[0-9]{1,9}$/.test(text.trim()) ? Number(text.trim()) : 0;
  if (value === 0) throw new InputError(field, `${label} must be a whole number above zero`);
  return value;
}

/** A year such as 2025. */
export function year(text: string, field: string, label: string): number {
  const value = text.trim();
  if (!/^[0-9]{4}$/.test(value)) throw new InputError(field, `${label} must be a year such as 2025`);
  return Number(value);
}

/**
 * An amount of CNY typed with at most two decimals (`100.00`, `1,250.5`) as fen, a decimal string (money may
 * exceed 2^53 fen).
 */
export function fen(text: string, field: string, label: string, allowZero = false): string {
  const match = /^([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]{1,2}))?$/.exec(text.trim());
  const value =
    match === null
      ? -1n
      : BigInt((match[1] ?? '').replace(/,/g, '')) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  if (value < 0n || (!allowZero && value === 0n)) {
    throw new InputError(field, `${label} must be an amount of CNY with at most two decimals, e.g. 100.00`);
  }
  return value.toString();
}

/** A percentage with at most two decimals (`5`, `7.5`) as basis points (500, 750). */
export function basisPoints(text: string, field: string, label: string): number {
  const match = /^([0-9]{1,3})(?:\.([0-9]{1,2}))?$/.exec(text.trim());
  const value = match === null ? -1 : Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (value < 0 || value > 10_000) {
    throw new InputError(field, `${label} must be a percentage from 0 to 100 with at most two decimals`);
  }
  return value;
}

/** A positive decimal kept as typed (`48.0`, `0.5703`), for the ledger's exact arithmetic. */
export function decimal(text: string, field: string, label: string): string {
  const value = text.trim();
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value) || !/[1-9]/.test(value)) {
    throw new InputError(field, `${label} must be a positive decimal number`);
  }
  return value;
}

/** A day (`YYYY-MM-DD`, as a date input gives it) as the ISO instant of its last second in UTC. */
export function endOfDay(day: string, field: string, label: string): string {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day)) throw new InputError(field, `${label} must be a date`);
  return `${day}T23:59:59Z`;
}

/** The day `days` from today (UTC) as a date input's value. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A path segment: an id typed by the user, encoded. */
export function segment(text: string): string {
  return encodeURIComponent(text.trim());
}

/** The `value` of the button that submitted a form (Enter submits with the form's first button). */
export function submitterOf(event: { nativeEvent: Event }): string | undefined {
  const { nativeEvent } = event;
  const submitter = nativeEvent instanceof SubmitEvent ? nativeEvent.submitter : null;
  return submitter instanceof HTMLButtonElement ? submitter.value : undefined;
}
