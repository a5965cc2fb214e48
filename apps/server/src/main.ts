import { ConfigError, loadConfig } from './config.ts';
import { POSTGRES_STOP_MS } from './db/embedded-postgres.ts';
import { startHerald } from './herald.ts';
import { createLogger } from './logger.ts';
import { explainStartFailure } from './start-failure.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}

const logger = createLogger(config.logLevel);
const herald = await startHerald(config, { logger }).catch((err: unknown) => {
  const why = explainStartFailure(err, config);
  logger.fatal(
    { action: 'herald_start_failed', err: why.reason, hint: why.hint, detail: why.detail },
    'Herald failed to start',
  );
  process.stderr.write(
    `Herald failed to start: ${why.reason}\n${why.hint ? `  what to do: ${why.hint}\n` : ''}${why.detail ? `  details: ${why.detail}\n` : ''}`,
  );
  process.exit(1);
});

// One deadline from the signal: SHUTDOWN_TIMEOUT_MS for everything Herald does, then a fixed
// margin for PostgreSQL's own shutdown. The timer below only fires if that bound is broken.
let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    signalled = true;
    logger.info({ action: 'shutdown', signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
    const force = setTimeout(
      () => {
        logger.error({ action: 'shutdown_timeout' }, 'shutdown took too long: exiting');
        process.exit(1);
      },
      config.shutdownTimeoutMs + POSTGRES_STOP_MS + 2_000,
    );
    force.unref();
    herald.stop(config.shutdownTimeoutMs).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: explainStartFailure(err, config).reason }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
