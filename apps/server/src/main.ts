import { ConfigError, loadConfig } from './config.ts';
import { startHerald } from './herald.ts';
import { createLogger } from './logger.ts';

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
const herald = await startHerald(config, { logger }).catch((err: Error) => {
  logger.fatal({ err: err.message }, 'Herald failed to start');
  process.exit(1);
});

let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    signalled = true;
    logger.info({ action: 'shutdown', signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error({ action: 'shutdown_timeout' }, 'shutdown took too long: exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000);
    force.unref();
    herald.stop().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error({ err: err.message }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
