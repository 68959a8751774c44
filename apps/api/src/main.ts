import 'reflect-metadata';

import { ConfigError, loadConfig } from '@fineprint/config';

import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.PORT, config.HOST);
  console.log(
    `Fineprint API listening on ${config.PUBLIC_URL} (health: ${config.PUBLIC_URL}/health, docs: ${config.PUBLIC_URL}/api/docs)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
