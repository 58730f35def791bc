import type { Channel, InputOf, OutputOf } from './contract';
import type { Result } from './errors';

/** What a bridge (Electron preload or the loopback harness) offers the renderer. */
export interface RawBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
}

export interface Api {
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
}
