import type { Api, RawBridge } from '../../../shared/api';
import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import { AppError, deserializeError, type ErrorCode } from '../../../shared/errors';

export type ErrorListener = (error: AppError) => void;

export interface AppApi extends Api {
  /** Screens throw on errors; the shell also needs to hear about some of them (LOCKED) wherever they happen. */
  onError(listener: ErrorListener): () => void;
}

/** Unwraps the bridge's Result or throws AppError, so screens can switch on `error.code`. */
export function createApi(bridge: RawBridge): AppApi {
  const listeners = new Set<ErrorListener>();
  return {
    async call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
      const result = await bridge.invoke(channel, input);
      if (result.ok) return result.value as OutputOf<C>;
      const error = deserializeError(result.error);
      for (const listener of listeners) listener(error);
      throw error;
    },
    onError(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function hasCode(error: unknown, code: ErrorCode): error is AppError {
  return error instanceof AppError && error.code === code;
}
