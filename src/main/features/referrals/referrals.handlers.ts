import { AppError } from '../../../shared/errors';
import type { FeatureHandlers } from '../../kernel/context';

const todo = () => {
  throw new AppError('INTERNAL', 'not yet');
};

export const referralsHandlers = {
  'referrals:list': todo,
  'referrals:get': todo,
  'referrals:save': todo,
  'referrals:removeDraft': todo,
  'referrals:preview': todo,
  'referrals:advance': todo,
  'referrals:suggest': todo,
  'referrals:document': todo,
  'referrals:counts': todo,
} satisfies FeatureHandlers<'referrals'>;
