import type { RawBridge } from '../../../shared/api';
import type { Result } from '../../../shared/errors';

declare global {
  interface Window {
    zlagoda: { invoke(channel: string, input: unknown): Promise<Result<unknown>> };
  }
}

const bridge: RawBridge = {
  invoke: (channel, input) => window.zlagoda.invoke(channel, input),
};

export default bridge;
