/** Where in the input (`['bindings', 0, 'scheduleCron']`) and what is wrong there. */
type Issue = { path: PropertyKey[]; message: string };

/**
 * Field problems found past the schema (a cron, a missing target). The API answers it like a
 * schema error: BAD_REQUEST, each issue naming its field (api/trpc.ts).
 */
export class FieldIssuesError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    super(issues.map((i) => i.message).join('; '));
    this.name = 'FieldIssuesError';
    this.issues = issues;
  }
}
