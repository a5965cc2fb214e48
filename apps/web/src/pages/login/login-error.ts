import type { TFunction } from 'i18next';
import { httpStatusOf, isNetworkError, isUnauthorized, messageOf } from '../../lib/errors.ts';

/** What to tell someone whose sign-in failed, in their language. */
export function loginErrorText(error: unknown, t: TFunction): string {
  if (httpStatusOf(error) === 429) return t('login.tooManyAttempts');
  if (isUnauthorized(error)) return t('login.wrongToken');
  if (isNetworkError(error)) return t('login.networkError');
  return t('login.unexpectedError', { message: messageOf(error) });
}
