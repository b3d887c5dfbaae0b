import { useCallback, useEffect, useState } from 'react';

/** A text the user typed, kept in localStorage under `key` so the page opens with the last one. */
export function useRemembered(key: string, initial: string): [string, (value: string) => void] {
  const [value, setValue] = useState(() => {
    try {
      return localStorage.getItem(key) ?? initial;
    } catch {
      return initial;
    }
  });
  const remember = useCallback(
    (next: string) => {
      setValue(next);
      try {
        localStorage.setItem(key, next);
      } catch {
        // Storage may be unavailable (private mode): the value still holds for this visit.
      }
    },
    [key],
  );
  return [value, remember];
}

/** `value` once it has stopped changing for `ms` (so typing an id loads once, not per keystroke). */
export function useSettled<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [value, ms]);
  return settled;
}

/** A counter to put in `useLoad` deps, and the function that bumps it (after an action, on a notice). */
export function useRefreshTick(): [number, () => void] {
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => {
    setTick((n) => n + 1);
  }, []);
  return [tick, refresh];
}
