import { timingSafeEqual, createHash } from 'node:crypto';

import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { type INestApplication } from '@nestjs/common';
import { type NextFunction, type Request, type Response } from 'express';

import { type Env } from '@fineprint/config';
import { QUEUE_NAMES, QueueProducer } from '@fineprint/queue';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The operators' queue board (bull-board) at /admin/queues, behind HTTP Basic auth whose
 * password is ADMIN_TOKEN (any user name), so a browser can open it. Redis backend only:
 * bull-board reads BullMQ's Redis keys.
 */
export function mountQueueBoard(app: INestApplication, config: Env): void {
  if (!config.REDIS_URL) return;
  const producer = app.get(QueueProducer);
  const adapter = new ExpressAdapter();
  adapter.setBasePath('/admin/queues');
  createBullBoard({
    // bull-board's adapter types want the concrete BullMQ Queue class; ours is that class on Redis
    queues: QUEUE_NAMES.map(
      (name) =>
        new BullMQAdapter(producer.queue(name) as unknown as ConstructorParameters<typeof BullMQAdapter>[0]),
    ),
    serverAdapter: adapter,
  });
  const expected = digest(config.ADMIN_TOKEN);
  const basicAuth = (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString() : '';
    const password = decoded.slice(decoded.indexOf(':') + 1);
    if (decoded && timingSafeEqual(digest(password), expected)) return next();
    res.setHeader('www-authenticate', 'Basic realm="Fineprint queues", charset="UTF-8"');
    res.status(401).send('The admin token is the password.');
  };
  app.use('/admin/queues', basicAuth, adapter.getRouter());
}
