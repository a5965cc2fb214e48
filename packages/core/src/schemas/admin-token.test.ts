import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_MAX_LENGTH, adminTokenProblem } from './admin-token.ts';
import { LoginInput } from './auth.ts';

describe('adminTokenProblem', () => {
  it('names the problem the way LoginInput decides it', () => {
    const cases: [string, ReturnType<typeof adminTokenProblem>][] = [
      ['', 'required'],
      ['   \n', 'required'],
      ['t', null],
      [`  ${'x'.repeat(ADMIN_TOKEN_MAX_LENGTH)}  `, null],
      ['x'.repeat(ADMIN_TOKEN_MAX_LENGTH + 1), 'too_long'],
    ];
    for (const [token, problem] of cases) {
      expect(adminTokenProblem(token), JSON.stringify(token)).toBe(problem);
      expect(LoginInput.safeParse({ token }).success, JSON.stringify(token)).toBe(problem === null);
    }
  });
});
