-- CreateIndex
CREATE INDEX "Snapshot_documentId_lastSeenAt_idx" ON "Snapshot"("documentId", "lastSeenAt" DESC);
