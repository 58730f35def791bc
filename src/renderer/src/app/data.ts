import { QueryClient, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { featureOf, type Channel, type Feature, type InputOf, type OutputOf } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { asAppError } from '../components/describe-error';
import { useApi } from './api-context';

/**
 * The renderer's data layer: every read is a query keyed by its channel and input, every change a mutation
 * that invalidates the queries of the features it touches, by channel prefix. One client lives inside the
 * unlocked shell, so a lock unmounts it and drops every byte it held.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A desktop window has no other tab to come back from, and answers are facts, not guesses: errors such
        // as FORBIDDEN or NOT_FOUND are shown at once instead of being retried.
        refetchOnWindowFocus: false,
        retry: false,
        staleTime: 30_000,
        gcTime: 5 * 60_000,
      },
      mutations: { retry: false },
    },
  });
}

export function channelKey<C extends Channel>(channel: C, input?: InputOf<C>): QueryKey {
  return input === undefined ? [channel] : [channel, input];
}

/**
 * Reads a channel; the answer is shared by every screen that asks the same question. `pollEvery` asks again while
 * it returns a number of milliseconds (a job's progress), and stops when it returns false.
 */
export function useChannelQuery<C extends Channel>(
  channel: C,
  input: InputOf<C>,
  options: { enabled?: boolean; pollEvery?: (data: OutputOf<C> | undefined) => number | false } = {},
) {
  const api = useApi();
  const { pollEvery } = options;
  return useQuery<OutputOf<C>, AppError>({
    queryKey: channelKey(channel, input),
    queryFn: () => api.call(channel, input).catch((error: unknown) => Promise.reject(asAppError(error))),
    enabled: options.enabled ?? true,
    ...(pollEvery ? { refetchInterval: (query: { state: { data: OutputOf<C> | undefined } }) => pollEvery(query.state.data) } : {}),
    // A new filter keeps the previous rows on screen until the new ones arrive.
    placeholderData: (previous) => previous,
  });
}

/** Marks stale every query of these features (its channel prefix); those on screen are asked again. */
export function invalidateFeatures(client: QueryClient, features: readonly string[]): Promise<void> {
  const wanted = new Set(features);
  return client.invalidateQueries({ predicate: (query) => wanted.has(featureOf(String(query.queryKey[0]))) });
}

/**
 * Changes through a channel. On success the queries of its own feature, and of every feature named in
 * `invalidates` (those whose lists show what it changed), are invalidated. `'nothing'` is for calls that change
 * no record (a document made and audited).
 */
export function useChannelMutation<C extends Channel>(channel: C, options: { invalidates?: readonly Feature[] | 'nothing' } = {}) {
  const api = useApi();
  const client = useQueryClient();
  const features = options.invalidates === 'nothing' ? [] : [featureOf(channel), ...(options.invalidates ?? [])];
  return useMutation<OutputOf<C>, AppError, InputOf<C>>({
    mutationFn: (input) => api.call(channel, input).catch((error: unknown) => Promise.reject(asAppError(error))),
    onSuccess: () => invalidateFeatures(client, features),
    // Someone else approved the record meanwhile: what is on screen is out of date.
    onError: (error) => (error.code === 'RECORD_LOCKED' ? invalidateFeatures(client, [featureOf(channel)]) : undefined),
  });
}
