import { InputError } from '../regulator/forms';

/** A `datetime-local` input's value for `ms` (the user's local time, to the minute). */
export function localInputValue(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (local time) as the ISO instant the ledger takes. */
export function instantOf(value: string, field: string, label: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? new Date(value).getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new InputError(field, `${label} must be a date and time`);
  return new Date(ms).toISOString();
}
