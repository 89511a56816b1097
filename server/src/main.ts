import { readConfig } from './platform/config.ts';
import { appVersion } from './platform/version.ts';
import { startServer } from './server.ts';

const main = async () => {
  const config = readConfig();
  const { app, database, stop } = await startServer(config);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  app.log.info(`Inspecta ${appVersion} (${database.kind}) on http://localhost:${config.port}`);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
