import type { FeatureHandlers } from '../../kernel/context';

export const preventionHandlers = {} as FeatureHandlers<'prevention'>;
