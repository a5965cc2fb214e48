/** What a thrown value says, for logs and stored errors: any value may be thrown, not only Errors. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return typeof err === 'string' ? err : String(err);
}
