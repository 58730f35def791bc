import { AppError } from '../../../shared/errors';
import type { FeatureHandlers } from '../../kernel/context';

const todo = () => {
  throw new AppError('INTERNAL', 'not yet');
};

export const personsHandlers = {
  'persons:list': todo,
  'persons:record': todo,
  'persons:saveIdentification': todo,
  'persons:get': todo,
  'persons:saveAssessment': todo,
  'persons:saveConsent': todo,
  'persons:revokeConsent': todo,
  'persons:saveService': todo,
  'persons:timelineDocument': todo,
} satisfies FeatureHandlers<'persons'>;
