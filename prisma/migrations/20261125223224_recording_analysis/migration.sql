-- CreateEnum
CREATE TYPE "AnalysisStatus" AS ENUM ('pending', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "recording_analysis" (
    "recordingId" UUID NOT NULL,
    "status" "AnalysisStatus" NOT NULL DEFAULT 'pending',
    "version" INTEGER NOT NULL,
    "failureReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "metrics" JSONB,
    "waveform" BYTEA,
    "peaksPerSecond" DOUBLE PRECISION,
    "wordsPerMinute" DOUBLE PRECISION,
    "pausesPerMinute" DOUBLE PRECISION,
    "pitchVariationSemitones" DOUBLE PRECISION,
    "integratedLufs" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "recording_analysis_pkey" PRIMARY KEY ("recordingId")
);

-- CreateIndex
CREATE INDEX "recording_analysis_status_version_idx" ON "recording_analysis"("status", "version");

-- AddForeignKey
ALTER TABLE "recording_analysis" ADD CONSTRAINT "recording_analysis_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;
