import type { PgBoss } from 'pg-boss';
import type { Config } from './config.ts';
import type { SecretBox } from './crypto/secret-box.ts';
import type { Db } from './db/database.ts';
import type { DatabaseOutage } from './db/outage.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { HttpClient } from './net/index.ts';
import type { Clock } from './senders/clock.ts';

/** The collaborators main.ts wires once and hands to the API, services and jobs. */
export type AppDeps = {
  config: Config;
  db: Db;
  /** Database outages: logged once, a summary when it is back; the API answers 503 meanwhile. */
  outage: DatabaseOutage;
  boss: PgBoss;
  logger: Logger;
  secretBox: SecretBox;
  adminToken: string;
  /** Outbound HTTP for webhooks, with the address policy applied at connect time. */
  http: HttpClient;
  /** Time for the engines and senders; tests drive it by hand. */
  clock: Clock;
  metrics: Metrics;
};
