import { type INestApplication } from '@nestjs/common';

import { type Env } from '@fineprint/config';
import { SubscriptionRepository } from '@fineprint/db';
import { type SubscriptionRequest, SubscriptionRequestService } from '@fineprint/notify';
import { QueueBackend, QueueProducer } from '@fineprint/queue';

/**
 * The worker's side of subscribing, for API tests: a real BullMQ worker on the test's
 * `notify` queue that hands each request to the real SubscriptionRequestService.
 */
export function startSubscriptionRequestWorker(app: INestApplication, config: Env) {
  const service = new SubscriptionRequestService(
    config,
    app.get(SubscriptionRepository),
    app.get(QueueProducer),
  );
  const outcomes: string[] = [];
  const worker = new QueueBackend(config).createWorker(
    'notify',
    async (job) => {
      const outcome = await service.handle(job.data as SubscriptionRequest);
      outcomes.push(outcome);
      return outcome;
    },
    { concurrency: 8 },
  );
  return {
    outcomes,
    /** Resolves once `count` requests in all were handled. */
    async handled(count: number, timeoutMs = 15_000): Promise<string[]> {
      const until = Date.now() + timeoutMs;
      while (outcomes.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      if (outcomes.length < count) throw new Error(`${outcomes.length} of ${count} requests handled`);
      return outcomes;
    },
    close: () => worker.close(),
  };
}
