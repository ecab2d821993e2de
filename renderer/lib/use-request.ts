/**
 * Loads a request channel's value in a component: `{ data, error, loading, reload }`.
 * Stale replies (input changed meanwhile) are dropped so a slow answer never overwrites a
 * newer one. Inputs are plain IPC data, so their JSON form identifies a request.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../shared/errors';
import { asAppError } from '../ui/app-error';
import type { RequestChannel, RequestOutput } from '../../shared/ipc-contract';
import { call, type CallArgs } from './oss-api';

export interface RequestState<T> {
  data: T | undefined;
  error: AppError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string;
  data?: T;
  error?: AppError;
}

/** Calls `channel` with `args` whenever their JSON form changes (and on reload()). */
export function useRequest<C extends RequestChannel>(channel: C, ...args: CallArgs<C>): RequestState<RequestOutput<C>> {
  const inputJson = args[0] === undefined ? '' : JSON.stringify(args[0]);
  const [generation, setGeneration] = useState(0);
  const key = `${channel}\n${generation}\n${inputJson}`;
  const [loaded, setLoaded] = useState<Loaded<RequestOutput<C>>>({ key: '' });

  useEffect(() => {
    let current = true;
    const input = (inputJson === '' ? [] : [JSON.parse(inputJson)]) as CallArgs<C>;
    call(channel, ...input).then(
      (data) => current && setLoaded({ key, data }),
      (error: unknown) => current && setLoaded({ key, error: asAppError(error) }),
    );
    return () => {
      current = false;
    };
  }, [channel, inputJson, key]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: loaded.data, error: loaded.error, loading: loaded.key !== key, reload };
}
