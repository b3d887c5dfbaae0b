import { ApiFailure } from '../../api';

/** A mistake caught before calling the API, worded like the API's so it shows next to `field`. */
export function inputError(field: string, message: string): ApiFailure {
  return new ApiFailure(400, 'INVALID_ARGUMENT', `${field} ${message}`);
}

/** The form-level error: the API's message unless one of the form's fields already shows it. */
export function formLevelError(
  action: { formError: string | undefined; fieldError: (field: string) => string | undefined },
  fields: readonly string[],
): string | undefined {
  return fields.some((field) => action.fieldError(field) !== undefined) ? undefined : action.formError;
}
