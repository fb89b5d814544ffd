-- AlterEnum
ALTER TYPE "RecordingStatus" ADD VALUE 'TRASHED';

-- AlterTable
ALTER TABLE "recording" ADD COLUMN     "purgeAt" TIMESTAMP(3),
ADD COLUMN     "trashedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "recording_status_purgeAt_idx" ON "recording"("status", "purgeAt");
