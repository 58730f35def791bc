import type { FeatureHandlers } from '../../kernel/context';

export const trainingsHandlers = {} as FeatureHandlers<'trainings'>;
