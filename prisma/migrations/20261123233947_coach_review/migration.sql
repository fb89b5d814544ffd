-- CreateTable
CREATE TABLE "coach_invite" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "coachId" TEXT NOT NULL,
    "reusable" BOOLEAN NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedCount" INTEGER NOT NULL DEFAULT 0,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coach_invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment" (
    "id" UUID NOT NULL,
    "recordingId" UUID NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "startMs" INTEGER NOT NULL,
    "endMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_read_mark" (
    "recordingId" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "comment_read_mark_pkey" PRIMARY KEY ("recordingId","userId")
);

-- CreateTable
CREATE TABLE "recording_review" (
    "recordingId" UUID NOT NULL,
    "coachId" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recording_review_pkey" PRIMARY KEY ("recordingId","coachId")
);

-- CreateIndex
CREATE UNIQUE INDEX "coach_invite_tokenHash_key" ON "coach_invite"("tokenHash");

-- CreateIndex
CREATE INDEX "coach_invite_coachId_createdAt_idx" ON "coach_invite"("coachId", "createdAt");

-- CreateIndex
CREATE INDEX "comment_recordingId_startMs_idx" ON "comment"("recordingId", "startMs");

-- CreateIndex
CREATE INDEX "recording_review_coachId_idx" ON "recording_review"("coachId");

-- AddForeignKey
ALTER TABLE "coach_invite" ADD CONSTRAINT "coach_invite_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_read_mark" ADD CONSTRAINT "comment_read_mark_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_read_mark" ADD CONSTRAINT "comment_read_mark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recording_review" ADD CONSTRAINT "recording_review_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recording_review" ADD CONSTRAINT "recording_review_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
