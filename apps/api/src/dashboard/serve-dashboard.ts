import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { type NestExpressApplication } from '@nestjs/platform-express';
import { type NextFunction, type Request, type Response } from 'express';

export const DASHBOARD_DIR = resolve(__dirname, '../../../web/dist');
const NOT_DASHBOARD = /^\/(api|feeds|health|metrics|admin\/queues|assets)(\/|$|\.)/;

/**
 * Serves the built dashboard (apps/web/dist): its assets under /assets, and index.html
 * for every other page a browser asks for, so links like /changes/<id> open directly.
 */
export function serveDashboard(app: NestExpressApplication): void {
  const index = join(DASHBOARD_DIR, 'index.html');
  app.useStaticAssets(join(DASHBOARD_DIR, 'assets'), { prefix: '/assets', immutable: false, maxAge: '1h' });
  let html: string | null = null;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'GET' ||
      NOT_DASHBOARD.test(req.path) ||
      !(req.headers.accept ?? '').includes('text/html')
    )
      return next();
    if (html === null) {
      if (!existsSync(index)) {
        res
          .status(503)
          .type('text/plain')
          .send('The dashboard is not built: run `node scripts/build-web.mjs` (npm start does).');
        return;
      }
      html = readFileSync(index, 'utf8');
    }
    res.setHeader(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'",
    );
    res.type('html').send(html);
  });
}
