// Installs dependencies from the lock file when they are missing, so `npm start` and
// `npm test` work as the first commands on a fresh clone.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function ensureDependencies(root) {
  if (
    existsSync(join(root, 'node_modules', '.bin', 'nx')) &&
    existsSync(join(root, 'node_modules', '.prisma', 'client'))
  ) {
    return;
  }
  console.log('› installing dependencies from package-lock.json (npm ci) …');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
  });
}
