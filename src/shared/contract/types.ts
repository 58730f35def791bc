import type { z } from 'zod';
import type { Access } from '../permissions';

/**
 * `auth`: async work (key derivation, session changes, documents) that opens its own transaction and audits in it.
 * `query`: reads inside one transaction; `mutation`: must write at least one audit event in it.
 */
export type ChannelKind = 'auth' | 'query' | 'mutation';

export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  kind: ChannelKind;
  /** Reads personal data: the dispatcher requires a `personal.read` audit event in the same transaction. */
  personalData?: boolean;
  /** Polling that must not count as user activity for the idle lock. */
  passive?: boolean;
}

/** One feature's channels: every name starts with the feature's own name, so a channel says where it lives. */
export type ContractPart<F extends string> = Record<`${F}:${string}`, ChannelSpec>;
