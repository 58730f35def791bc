import type { FeatureHandlers } from '../../kernel/context';

export const coverageHandlers = {} as FeatureHandlers<'coverage'>;
