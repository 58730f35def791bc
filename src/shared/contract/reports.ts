import { z } from 'zod';
import { SigningKeyInfoSchema, SigningKeysSchema } from '../domain/reports';
import { DocumentFileSchema } from './meetings';
import type { ContractPart } from './types';

const None = z.object({}).strict();

/**
 * Reports for the Ministry and the key that signs their bundles. The secret half of the key never leaves the main
 * process: no channel returns it, no audit detail or log line names it.
 */
export const reports = {
  /** The current key and those it replaced, public halves only. */
  'reports:keys': { input: None, output: SigningKeysSchema, access: 'reports.read', kind: 'query' },
  /** Makes the oblast's first signing key; refused (key_exists) once there is one: a new key comes by rotation. */
  'reports:createKey': { input: None, output: SigningKeyInfoSchema, access: 'reports.sign', kind: 'mutation' },
  /** A new key, announced by a statement the current key signs; the current key is retired, never deleted. */
  'reports:rotateKey': { input: None, output: SigningKeyInfoSchema, access: 'reports.sign', kind: 'mutation' },
  /** The current public key as the minisign .pub file the Ministry registers. */
  'reports:publicKeyFile': { input: None, output: DocumentFileSchema, access: 'reports.read', kind: 'query' },
} satisfies ContractPart<'reports'>;
