-- Combined documents and named filters (decision 0021)
ALTER TABLE "Document" ADD COLUMN "sources" JSONB,
ADD COLUMN "filters" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "filterCode" JSONB,
ADD COLUMN "filtersApproved" BOOLEAN NOT NULL DEFAULT false;
