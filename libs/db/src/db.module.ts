import { Global, Module } from '@nestjs/common';

import { PrismaService } from './prisma.service';
import { ChangeRepository } from './repositories/change.repository';
import { CheckRunRepository } from './repositories/check-run.repository';
import { DeliveryRepository } from './repositories/delivery.repository';
import { DocumentRepository } from './repositories/document.repository';
import { JobProbeRepository } from './repositories/job-probe.repository';
import { SnapshotRepository } from './repositories/snapshot.repository';
import { SubscriptionRepository } from './repositories/subscription.repository';
import { VendorRepository } from './repositories/vendor.repository';
import { VersionRepository } from './repositories/version.repository';
import { WebhookEndpointRepository } from './repositories/webhook-endpoint.repository';

const repositories = [
  VendorRepository,
  DocumentRepository,
  SnapshotRepository,
  VersionRepository,
  ChangeRepository,
  CheckRunRepository,
  JobProbeRepository,
  SubscriptionRepository,
  WebhookEndpointRepository,
  DeliveryRepository,
];

/** The Prisma client and one repository per aggregate. */
@Global()
@Module({ providers: [PrismaService, ...repositories], exports: [PrismaService, ...repositories] })
export class DbModule {}
