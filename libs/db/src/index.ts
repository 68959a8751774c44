export { applyMigrationsToSchema } from './apply-migrations';
export { DbModule } from './db.module';
export { createPrismaClient, parseDatabaseUrl, type PrismaClientOptions } from './prisma-client.factory';
export { PrismaService } from './prisma.service';
export {
  type Change,
  type ChangeFilter,
  type ChangeInput,
  ChangeRepository,
  type ChangeWithContext,
} from './repositories/change.repository';
export {
  type CheckContextRow,
  CheckRunRepository,
  type ProblemRun,
  type RunOrigin,
  type StoredRefs,
  type SuccessRun,
} from './repositories/check-run.repository';
export {
  type DeliveryForSending,
  DeliveryRepository,
  type NewDelivery,
} from './repositories/delivery.repository';
export {
  type DocumentFilter,
  type DocumentInput,
  DocumentRepository,
  type DocumentWithVendor,
  type InputJsonValue,
} from './repositories/document.repository';
export { JobProbeRepository } from './repositories/job-probe.repository';
export { decodeSnapshotBody, SnapshotRepository } from './repositories/snapshot.repository';
export {
  type ConfirmationOutcome,
  type ConfirmationRequest,
  mailboxOf,
  scopeKey,
  SubscriptionRepository,
  type SubscriptionScope,
} from './repositories/subscription.repository';
export { VendorRepository } from './repositories/vendor.repository';
export {
  chainHash,
  type ContentDecision,
  type DocumentTip,
  type RecordContentResult,
  type SnapshotHeaders,
  type SnapshotInput,
  VersionRepository,
  type VersionHistory,
  type VersionSummary,
} from './repositories/version.repository';
export { WebhookEndpointRepository } from './repositories/webhook-endpoint.repository';
export type {
  ChangeState,
  CheckOutcome,
  CheckRun,
  Delivery,
  DigestMode,
  DeliveryChannel,
  DeliveryStatus,
  Document,
  DocumentStatus,
  DocumentType,
  ErrorKind,
  FetchMode,
  Severity,
  Snapshot,
  Subscription,
  Vendor,
  Version,
  VersionStatus,
  WebhookEndpoint,
} from '@prisma/client';
