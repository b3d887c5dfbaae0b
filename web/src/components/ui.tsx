import { type ReactNode, type SyntheticEvent, useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../api';
import { localTime } from '../format';

/** A page section with its heading. */
export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="card" aria-label={title}>
      <header className="card-head">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

/** Loading, failed or empty states, else the content. */
export function Loadable<T>({
  state,
  empty,
  children,
}: {
  state: LoadState<T>;
  empty?: (value: T) => boolean;
  children: (value: T) => ReactNode;
}) {
  if (state.error !== undefined)
    return (
      <p className="error" role="alert">
        {state.error}
      </p>
    );
  if (state.value === undefined) return <p className="muted">Loading…</p>;
  if (empty?.(state.value) === true) return <p className="muted">Nothing here yet.</p>;
  return <>{children(state.value)}</>;
}

export interface LoadState<T> {
  readonly value: T | undefined;
  readonly error: string | undefined;
  reload(): void;
}

/** Loads `load()` now and on `reload()`; an API error becomes the state's one-line error. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): LoadState<T> {
  const [value, setValue] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => {
        if (live) {
          setValue(loaded);
          setError(undefined);
        }
      },
      (err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => {
    setTick((n) => n + 1);
  }, []);
  return { value, error, reload };
}

/** A labelled input; the API's one-line error for this field shows under it. */
export function Field({
  label,
  name,
  value,
  onChange,
  error,
  type = 'text',
  placeholder,
  suffix,
  inputMode,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  type?: string;
  placeholder?: string;
  suffix?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
}) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="input-row">
        <input
          id={id}
          name={name}
          type={type}
          value={value}
          placeholder={placeholder}
          inputMode={inputMode}
          aria-invalid={error !== undefined}
          aria-describedby={error !== undefined ? `${id}-error` : undefined}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
        {suffix !== undefined && <span className="suffix">{suffix}</span>}
      </span>
      {error !== undefined && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** A select of fixed options. */
export function Select({
  label,
  name,
  value,
  options,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  options: readonly (string | { value: string; label: string })[];
  onChange: (value: string) => void;
}) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {options.map((option) => {
          const { value: optionValue, label: optionLabel } =
            typeof option === 'string' ? { value: option, label: option } : option;
          return (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          );
        })}
      </select>
    </div>
  );
}

/**
 * A form that submits one action: its button is disabled while it runs, the API's error shows next to the
 * field it names (or above the button), and a success message replaces it.
 */
export function useAction<T>(action: () => Promise<T>, onDone?: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | Error | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const submit = (event?: SyntheticEvent, success?: (result: T) => string) => {
    event?.preventDefault();
    setBusy(true);
    setFailure(undefined);
    setDone(undefined);
    // A value the form cannot send throws before any request: a failure like the API's, not a stuck button.
    new Promise<T>((resolve) => {
      resolve(action());
    }).then(
      (result) => {
        setBusy(false);
        setDone(success?.(result) ?? 'Done.');
        onDone?.(result);
      },
      (err: unknown) => {
        setBusy(false);
        setFailure(err instanceof Error ? err : new Error(String(err)));
      },
    );
  };
  /** The error for a field, when the API's message names it. */
  const fieldError = (field: string): string | undefined =>
    failure instanceof ApiFailure && failure.field === field ? failure.message : undefined;
  const formError =
    failure !== undefined && !(failure instanceof ApiFailure && failure.field !== undefined)
      ? failure.message
      : failure instanceof ApiFailure
        ? failure.message
        : undefined;
  return { busy, failure, done, submit, fieldError, formError };
}

/** The outcome line of a form: the error (role alert) or the success message. */
export function Outcome({ error, done }: { error?: string | undefined; done?: string | undefined }) {
  if (error !== undefined) {
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  }
  if (done !== undefined)
    return (
      <p className="ok" role="status">
        {done}
      </p>
    );
  return null;
}

/** A time in the user's locale, UTC on hover. */
export function Time({ iso }: { iso: string | undefined | null }) {
  const { text, title } = localTime(iso);
  return <time title={title}>{text}</time>;
}

/** A right-aligned number cell. */
export function Num({ children }: { children: ReactNode }) {
  return <td className="num">{children}</td>;
}
