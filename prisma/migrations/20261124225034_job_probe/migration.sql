-- CreateTable
CREATE TABLE "JobProbe" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "worker" TEXT NOT NULL,
    "handledAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobProbe_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobProbe_runId_idx" ON "JobProbe"("runId");
