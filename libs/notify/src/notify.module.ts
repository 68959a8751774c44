import { Module } from '@nestjs/common';

import { DeliverService } from './deliver/deliver.service';
import { DigestService } from './fan-out/digest.service';
import { FanOutService } from './fan-out/fan-out.service';
import { SubscriptionRequestService } from './subscribe/subscription-request.service';

/** Fan-out, delivery and digests (the worker's side of notifications). */
@Module({
  providers: [FanOutService, DeliverService, DigestService, SubscriptionRequestService],
  exports: [FanOutService, DeliverService, DigestService, SubscriptionRequestService],
})
export class NotifyModule {}
