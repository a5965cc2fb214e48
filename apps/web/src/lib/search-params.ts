/**
 * The router's search string, read and written as plain text. TanStack Router's default reads
 * `?provider=7` as the number 7 and `?provider=1e3` as 1000; Herald's filters are ids and
 * instants, and messages link to them with ordinary query strings (`URLSearchParams`), so every
 * value stays the text it is in the URL.
 */
export function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search));
}

/** `?a=1&b=x` from the values that are set (objects are not search values here). */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
