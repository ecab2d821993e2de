/** Busy and error state for a dialog's submit button: errors become AppError values. */
import { useCallback, useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import { asAppError } from '../model/folder-listing';

export function useSubmit(): { busy: boolean; error: AppError | null; setError(e: AppError | null): void; run(fn: () => Promise<void>): Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
