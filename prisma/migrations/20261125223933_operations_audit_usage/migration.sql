-- AlterEnum
ALTER TYPE "UserRole" ADD VALUE 'admin';

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "event" TEXT NOT NULL,
    "actorId" TEXT,
    "subjectUserId" TEXT,
    "recordingId" UUID,
    "clientAddress" TEXT,
    "detail" JSONB,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "play_report" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordingId" UUID NOT NULL,
    "viewerId" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "errorCode" TEXT,
    "startMs" INTEGER,
    "sizeBytes" INTEGER,

    CONSTRAINT "play_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_usage" (
    "day" DATE NOT NULL,
    "bytesHeld" BIGINT NOT NULL,
    "objects" INTEGER NOT NULL,
    "uploads" INTEGER NOT NULL,
    "plays" INTEGER NOT NULL,
    "bytesServed" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "daily_usage_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "app_setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- CreateIndex
CREATE INDEX "audit_event_recordingId_event_at_idx" ON "audit_event"("recordingId", "event", "at");

-- CreateIndex
CREATE INDEX "audit_event_actorId_at_idx" ON "audit_event"("actorId", "at");

-- CreateIndex
CREATE INDEX "audit_event_subjectUserId_at_idx" ON "audit_event"("subjectUserId", "at");

-- CreateIndex
CREATE INDEX "audit_event_event_at_idx" ON "audit_event"("event", "at");

-- CreateIndex
CREATE INDEX "play_report_at_idx" ON "play_report"("at");

-- The audit trail is append-only: no UPDATE ever, and DELETE or TRUNCATE only from the retention
-- job, whose transaction sets speech_coach.audit_retention locally (server/audit/retention.ts).
-- The function body spells its semicolons as \073: the migration runner splits scripts at every
-- semicolon, even inside quotes.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' AND current_setting(''speech_coach.audit_retention'', true) = ''on'' THEN
    RETURN OLD\073
  END IF\073
  RAISE EXCEPTION ''audit_event is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073
END\073
';

CREATE TRIGGER "audit_event_append_only_rows"
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "audit_event_no_truncate"
  BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
