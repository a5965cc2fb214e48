/** `/login` search params. */
export type LoginSearch = { redirect?: string };

/**
 * Where to go after signing in: only a path on this site (`/deliveries?status=failed`),
 * never another origin (`//evil.example`, `https://…`, `/\evil`) and never the login page.
 * Plain code, not a zod schema: the sign-in page loads without the schema library.
 */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value)) return undefined;
  const toLogin = value === '/login' || value.startsWith('/login?') || value.startsWith('/login/');
  return toLogin ? undefined : value;
}

/** Reads `/login`'s search; anything invalid is dropped rather than failing the page. */
export function parseLoginSearch(search: Record<string, unknown>): LoginSearch {
  return 'redirect' in search ? { redirect: safeRedirect(search.redirect) } : {};
}
