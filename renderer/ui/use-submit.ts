/** Busy and error state for a dialog's submit button: errors become AppError values. */
import { useCallback, useState } from 'react';
import type { AppError } from '../../shared/errors';
import { asAppError } from './app-error';

export interface Submit {
  busy: boolean;
  error: AppError | null;
  setError(e: AppError | null): void;
  /** Runs `fn` once at a time; a throw lands in `error`. Resolves true when `fn` succeeded. */
  run(fn: () => Promise<void>): Promise<boolean>;
}

export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(asAppError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
