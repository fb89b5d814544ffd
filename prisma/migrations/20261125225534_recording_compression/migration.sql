-- AlterTable
ALTER TABLE "recording" ADD COLUMN     "compressedAt" TIMESTAMP(3),
ADD COLUMN     "compressionAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "compressionError" TEXT,
ADD COLUMN     "compressionLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "originalSizeBytes" INTEGER;

-- CreateTable
CREATE TABLE "object_deletion" (
    "key" TEXT NOT NULL,
    "deleteAfter" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "object_deletion_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "object_deletion_deleteAfter_idx" ON "object_deletion"("deleteAfter");
