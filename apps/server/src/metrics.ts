import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Reads a gauge's current values at scrape time: label values → number. */
export type GaugeSource = () => Promise<Array<{ labels: Record<string, string>; value: number }>>;

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

  /** Each delivery run's outcome: delivered, failed, skipped, or retry (a queue retry was scheduled). */
  const deliveries = new Counter({
    name: 'herald_deliveries_total',
    help: 'Delivery runs by channel, notification type, outcome (delivered|failed|skipped|retry) and failure class',
    labelNames: ['channel', 'type', 'outcome', 'failure_class'] as const,
    registers: [registry],
  });
  /** Every HTTP attempt to a platform (sender retries included), by channel. */
  const sendLatency = new Histogram({
    name: 'herald_send_latency_seconds',
    help: 'Time of each HTTP attempt to a platform, by channel',
    labelNames: ['channel'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  /** From the delivery's creation to the start of its send (queue wait). */
  const deliveryLag = new Histogram({
    name: 'herald_delivery_lag_seconds',
    help: 'Time from a delivery being queued to the first byte of its send, by channel',
    labelNames: ['channel'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 120, 600],
    registers: [registry],
  });
  const alertsSuppressed = new Counter({
    name: 'herald_alerts_suppressed_total',
    help: 'Alerts not sent because one for the same subject went out recently (dedup), by notification type',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  const deliveriesInFlight = new Gauge({
    name: 'herald_deliveries_in_flight',
    help: 'Deliveries this process is sending right now',
    registers: [registry],
  });

  // Gauges read from the database at scrape time; their sources are registered once the
  // queue is running (registerQueueDepth / registerUnfinished).
  let queueDepthSource: GaugeSource | null = null;
  let unfinishedSource: GaugeSource | null = null;
  new Gauge({
    name: 'herald_queue_depth',
    help: 'Jobs waiting in each queue (created or retry), from pg-boss queue statistics',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      await fill(this, queueDepthSource);
    },
  });
  new Gauge({
    name: 'herald_deliveries_unfinished',
    help: 'Deliveries not yet finished, by status (pending|sending), from the delivery log',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      await fill(this, unfinishedSource);
    },
  });

  return {
    registry,
    httpRequests,
    deliveries,
    sendLatency,
    deliveryLag,
    alertsSuppressed,
    deliveriesInFlight,
    registerQueueDepth(source: GaugeSource | null) {
      queueDepthSource = source;
    },
    registerUnfinished(source: GaugeSource | null) {
      unfinishedSource = source;
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;

async function fill(gauge: Gauge<string>, source: GaugeSource | null): Promise<void> {
  gauge.reset();
  if (!source) return;
  try {
    for (const { labels, value } of await source()) gauge.set(labels, value);
  } catch {
    // A scrape during a database outage shows no value rather than failing the whole page.
  }
}
