-- CreateTable
CREATE TABLE "user_storage_usage" (
    "userId" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "user_storage_usage_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "user_storage_usage" ADD CONSTRAINT "user_storage_usage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Start from what every user holds today: the sizes of their pending and ready recordings.
INSERT INTO "user_storage_usage" ("userId", "bytes")
SELECT "ownerId", COALESCE(SUM("sizeBytes"), 0)
FROM "recording"
WHERE "status" IN ('PENDING', 'READY')
GROUP BY "ownerId";
