import type { z } from 'zod';
import { kyivToday } from '../../components/format';

/**
 * A channel's input schema, with what the window can tell before sending: the date has come (`futureDate`, the
 * person file's own sentence). Records of the file are made after the event; the main process holds the same rule.
 */
export function notFuture<S extends z.ZodType<{ date: string }>>(schema: S): S {
  return schema.refine((v) => v.date <= kyivToday(), { path: ['date'], message: 'futureDate' }) as S;
}
