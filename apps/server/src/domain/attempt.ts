/**
 * One HTTP attempt at a platform: what a sender reports and the delivery log keeps. Here, below
 * both, so the log's table type does not import the senders.
 */
export type Attempt = {
  at: string;
  /** `retryable` and `permanent` are the sender's failure classes. */
  outcome: 'success' | 'retryable' | 'permanent';
  statusCode: number | null;
  latencyMs: number;
  via: 'proxy' | 'direct' | null;
  error: string | null;
};
