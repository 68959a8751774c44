-- AlterTable
ALTER TABLE "Version" ADD COLUMN     "extractionKey" TEXT;
