/** The longest admin token the sign-in accepts (after trimming). */
export const ADMIN_TOKEN_MAX_LENGTH = 512;

/**
 * Why a typed admin token can't be sent, or null: the rule of `LoginInput`, without zod, so
 * the sign-in page needn't download the schema library to check one field.
 */
export function adminTokenProblem(value: string): 'required' | 'too_long' | null {
  const token = value.trim();
  if (token.length === 0) return 'required';
  return token.length > ADMIN_TOKEN_MAX_LENGTH ? 'too_long' : null;
}
