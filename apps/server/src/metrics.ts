import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

/** One registry per server instance (tests run several in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'herald_' });
  const httpRequests = new Counter({
    name: 'herald_http_requests_total',
    help: 'HTTP requests answered, by route kind and status class',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  return { registry, httpRequests };
}
export type Metrics = ReturnType<typeof createMetrics>;
