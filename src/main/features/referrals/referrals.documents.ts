import { AppError } from '../../../shared/errors';
import type { FeatureHandlers } from '../../kernel/context';

export const referralDocumentHandlers = {
  'referrals:document': () => {
    throw new AppError('INTERNAL', 'not yet');
  },
} satisfies Pick<FeatureHandlers<'referrals'>, 'referrals:document'>;
