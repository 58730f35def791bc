import type { RawBridge } from '../../../shared/api';
import type { Result } from '../../../shared/errors';

/** Transport failures never reach a handler, so they carry no correlation id of the main side. */
function transportFailure(message: string, details: Record<string, unknown> = {}): Result<unknown> {
  return { ok: false, error: { code: 'INTERNAL', message, details, correlationId: 'transport' } };
}

function harnessToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="zlagoda-harness-token"]')?.content ?? '';
}

const bridge: RawBridge = {
  async invoke(channel, input) {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zlagoda-token': harnessToken() },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return transportFailure('network error', { network: true });
    }
    if (!response.ok) return transportFailure(`HTTP ${response.status}`, { status: response.status });
    return (await response.json()) as Result<unknown>;
  },
};

export default bridge;
