import { useCallback, useEffect, useState } from 'react';
import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { asAppError } from '../components/describe-error';
import { useApi } from './api-context';

export interface ChannelState<C extends Channel> {
  /** null until the first answer arrives. */
  value: OutputOf<C> | null;
  error: AppError | null;
  /** Asks again, e.g. after a change; the last value stays on screen meanwhile. */
  reload(): Promise<void>;
}

/**
 * What a screen reads from one channel: loaded on mount and whenever the input changes, and an answer that
 * arrives after the screen has gone (or after a newer question) is dropped.
 */
export function useChannel<C extends Channel>(channel: C, input: InputOf<C>): ChannelState<C> {
  const api = useApi();
  // The input as a value, so a new object with the same content does not ask again.
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ value: OutputOf<C> | null; error: AppError | null }>({ value: null, error: null });

  useEffect(() => {
    let live = true;
    api.call(channel, JSON.parse(key) as InputOf<C>).then(
      (value) => live && setState({ value, error: null }),
      (caught: unknown) => live && setState((previous) => ({ ...previous, error: asAppError(caught) })),
    );
    return () => {
      live = false;
    };
  }, [api, channel, key]);

  const reload = useCallback(async () => {
    try {
      const value = await api.call(channel, JSON.parse(key) as InputOf<C>);
      setState({ value, error: null });
    } catch (caught) {
      setState((previous) => ({ ...previous, error: asAppError(caught) }));
    }
  }, [api, channel, key]);

  return { ...state, reload };
}
