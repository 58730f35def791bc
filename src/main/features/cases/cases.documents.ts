import { AppError } from '../../../shared/errors';
import type { FeatureHandlers } from '../../kernel/context';

/** The documents of the status procedure (filled in by the documents work). */
export const caseDocumentHandlers = {
  'cases:document': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:registerBook': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:subjectAccess': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
} satisfies Pick<FeatureHandlers<'cases'>, 'cases:document' | 'cases:registerBook' | 'cases:subjectAccess'>;
