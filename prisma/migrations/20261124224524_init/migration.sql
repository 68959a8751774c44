-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('privacy_notice', 'terms', 'help_article', 'faq', 'cookie_policy', 'other');

-- CreateEnum
CREATE TYPE "FetchMode" AS ENUM ('http', 'browser', 'auto');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('unknown', 'ok', 'failing');

-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('baseline', 'pending', 'confirmed', 'transient', 'revert', 'quarantined', 'released');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('high', 'medium', 'low', 'cosmetic');

-- CreateEnum
CREATE TYPE "ChangeState" AS ENUM ('pending', 'announced', 'suppressed');

-- CreateEnum
CREATE TYPE "CheckOutcome" AS ENUM ('unchanged', 'not_modified', 'new_version', 'failed', 'quarantined');

-- CreateEnum
CREATE TYPE "ErrorKind" AS ENUM ('transient', 'blocked', 'permanent');

-- CreateEnum
CREATE TYPE "DeliveryChannel" AS ENUM ('email', 'webhook');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'delivered', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "DigestMode" AS ENUM ('immediate', 'daily');

-- CreateTable
CREATE TABLE "Vendor" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Vendor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "vendorId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "type" "DocumentType" NOT NULL DEFAULT 'other',
    "url" TEXT NOT NULL,
    "select" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "remove" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "fetchMode" "FetchMode" NOT NULL DEFAULT 'auto',
    "language" TEXT,
    "intervalMinutes" INTEGER NOT NULL DEFAULT 360,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "status" "DocumentStatus" NOT NULL DEFAULT 'unknown',
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "unstable" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT 'api',
    "lastCheckedAt" TIMESTAMPTZ(3),
    "lastSuccessAt" TIMESTAMPTZ(3),
    "lastChangedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "documentId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "body" BYTEA NOT NULL,
    "compression" TEXT NOT NULL DEFAULT 'br',
    "byteLength" INTEGER NOT NULL,
    "contentType" TEXT,
    "charset" TEXT,
    "httpStatus" INTEGER,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "finalUrl" TEXT NOT NULL,
    "fetchedWith" "FetchMode" NOT NULL,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Version" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "documentId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "snapshotId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "byteLength" INTEGER NOT NULL,
    "previousChainHash" TEXT,
    "chainHash" TEXT NOT NULL,
    "status" "VersionStatus" NOT NULL,
    "statusReason" TEXT,
    "revertOfId" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Change" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "documentId" UUID NOT NULL,
    "fromVersionId" UUID NOT NULL,
    "toVersionId" UUID NOT NULL,
    "severity" "Severity" NOT NULL,
    "severityRule" TEXT,
    "cosmetic" BOOLEAN NOT NULL DEFAULT false,
    "tags" JSONB NOT NULL DEFAULT '[]',
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "kinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "summary" TEXT NOT NULL,
    "stats" JSONB NOT NULL DEFAULT '{}',
    "diff" JSONB NOT NULL,
    "state" "ChangeState" NOT NULL DEFAULT 'pending',
    "stateReason" TEXT,
    "detectedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "announcedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckRun" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "documentId" UUID NOT NULL,
    "jobId" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "trigger" TEXT NOT NULL DEFAULT 'scheduled',
    "outcome" "CheckOutcome" NOT NULL,
    "errorKind" "ErrorKind",
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "httpStatus" INTEGER,
    "fetchedWith" "FetchMode",
    "snapshotId" UUID,
    "versionId" UUID,
    "durationMs" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "vendorId" UUID,
    "documentId" UUID,
    "topic" TEXT,
    "minSeverity" "Severity" NOT NULL DEFAULT 'low',
    "includeCosmetic" BOOLEAN NOT NULL DEFAULT false,
    "scopeKey" TEXT NOT NULL,
    "digest" "DigestMode" NOT NULL DEFAULT 'immediate',
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmTokenHash" TEXT,
    "confirmSentAt" TIMESTAMPTZ(3),
    "unsubscribeTokenHash" TEXT NOT NULL,
    "unsubscribedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" TEXT NOT NULL,
    "description" TEXT,
    "secret" TEXT NOT NULL,
    "vendorId" UUID,
    "documentId" UUID,
    "topic" TEXT,
    "minSeverity" "Severity" NOT NULL DEFAULT 'low',
    "includeCosmetic" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" TIMESTAMPTZ(3),
    "disabledReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "changeId" UUID,
    "channel" "DeliveryChannel" NOT NULL,
    "eventType" TEXT NOT NULL,
    "subscriptionId" UUID,
    "webhookEndpointId" UUID,
    "targetId" UUID NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseCode" INTEGER,
    "lastError" TEXT,
    "durationMs" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_slug_key" ON "Vendor"("slug");

-- CreateIndex
CREATE INDEX "Document_status_idx" ON "Document"("status");

-- CreateIndex
CREATE INDEX "Document_active_deletedAt_idx" ON "Document"("active", "deletedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Document_vendorId_slug_key" ON "Document"("vendorId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Snapshot_documentId_sha256_key" ON "Snapshot"("documentId", "sha256");

-- CreateIndex
CREATE INDEX "Version_documentId_sha256_idx" ON "Version"("documentId", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "Version_documentId_seq_key" ON "Version"("documentId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Change_toVersionId_key" ON "Change"("toVersionId");

-- CreateIndex
CREATE INDEX "Change_detectedAt_id_idx" ON "Change"("detectedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Change_documentId_detectedAt_idx" ON "Change"("documentId", "detectedAt" DESC);

-- CreateIndex
CREATE INDEX "Change_severity_idx" ON "Change"("severity");

-- CreateIndex
CREATE INDEX "Change_topics_idx" ON "Change" USING GIN ("topics");

-- CreateIndex
CREATE INDEX "Change_kinds_idx" ON "Change" USING GIN ("kinds");

-- CreateIndex
CREATE INDEX "CheckRun_documentId_startedAt_idx" ON "CheckRun"("documentId", "startedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "CheckRun_jobId_attempt_key" ON "CheckRun"("jobId", "attempt");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_confirmTokenHash_key" ON "Subscription"("confirmTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_unsubscribeTokenHash_key" ON "Subscription"("unsubscribeTokenHash");

-- CreateIndex
CREATE INDEX "Subscription_confirmed_unsubscribedAt_idx" ON "Subscription"("confirmed", "unsubscribedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_email_scopeKey_key" ON "Subscription"("email", "scopeKey");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_active_idx" ON "WebhookEndpoint"("active");

-- CreateIndex
CREATE INDEX "Delivery_webhookEndpointId_createdAt_idx" ON "Delivery"("webhookEndpointId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Delivery_status_idx" ON "Delivery"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_changeId_channel_targetId_key" ON "Delivery"("changeId", "channel", "targetId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Version" ADD CONSTRAINT "Version_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Version" ADD CONSTRAINT "Version_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Version" ADD CONSTRAINT "Version_revertOfId_fkey" FOREIGN KEY ("revertOfId") REFERENCES "Version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_fromVersionId_fkey" FOREIGN KEY ("fromVersionId") REFERENCES "Version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_toVersionId_fkey" FOREIGN KEY ("toVersionId") REFERENCES "Version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckRun" ADD CONSTRAINT "CheckRun_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckRun" ADD CONSTRAINT "CheckRun_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckRun" ADD CONSTRAINT "CheckRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "Change"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_webhookEndpointId_fkey" FOREIGN KEY ("webhookEndpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
