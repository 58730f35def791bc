import { AppError } from '../../../shared/errors';
import type { FeatureHandlers } from '../../kernel/context';

export const personDocumentHandlers = {
  'persons:timelineDocument': () => {
    throw new AppError('INTERNAL', 'not yet');
  },
} satisfies Pick<FeatureHandlers<'persons'>, 'persons:timelineDocument'>;
