-- Issue 14, finding 4: the sign-in throttle counted failures per email alone, so anyone who knew
-- an email could keep its owner out. Counters are now per (email, client address), plus one per
-- email across every address (address '*') with a much higher ceiling.
-- The table stays without row-level security: it is keyed before anyone is known.

-- The old per-email counts carry over as the every-address counts (well under their ceiling),
-- and their blocks are dropped, so nobody stays locked out by the old rule.
ALTER TABLE "sign_in_throttles" DROP CONSTRAINT "sign_in_throttles_pkey",
ADD COLUMN     "address" TEXT NOT NULL DEFAULT '*',
ADD COLUMN     "locked_at" TIMESTAMP(3),
ADD COLUMN     "lockouts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "window_started_at" TIMESTAMP(3);

UPDATE "sign_in_throttles" SET "window_started_at" = "last_failure_at", "blocked_until" = NULL;

ALTER TABLE "sign_in_throttles" ALTER COLUMN "address" DROP DEFAULT,
ALTER COLUMN "window_started_at" SET NOT NULL,
ADD CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("email", "address"),
ADD CONSTRAINT "sign_in_throttles_counts_check" CHECK ("failures" >= 0 AND "lockouts" >= 0 AND "address" <> '');
