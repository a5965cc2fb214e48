import { circuitBreakerDigest } from './circuit-breaker.ts';
import { costAlertDigest } from './cost-alert.ts';
import type { DigestType } from './has-digest.ts';
import type { DigestDefinition } from './types.ts';

/** Every type that has a digest, and how its digest reads. */
export const DIGESTS = {
  circuit_breaker: circuitBreakerDigest,
  cost_alert: costAlertDigest,
} satisfies Record<DigestType, DigestDefinition>;
