/** Where in the input (`['bindings', 0, 'scheduleCron']`) and what is wrong there; core's `codedIssue` adds the code. */
export type FieldIssue = { path: PropertyKey[]; message: string; code?: string; params?: Record<string, unknown> };

/**
 * Field problems found past the schema (a cron, a missing target). The API answers it like a
 * schema error: BAD_REQUEST, each issue naming its field (api/trpc.ts).
 */
export class FieldIssuesError extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => i.message).join('; '));
    this.name = 'FieldIssuesError';
    this.issues = issues;
  }
}
