-- Issue 10 item 6: one audit chain per bureau instead of one chain behind a global advisory lock. The events
-- written so far become the chain 'global' (chain_seq = their old gapless seq, hashes unchanged); its head row
-- records where it ends. The global seq continues from a sequence.
CREATE SEQUENCE "public"."audit_event_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_chain_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
UPDATE "audit_events" SET "chain" = 'global', "chain_seq" = "seq";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "chain" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "chain_seq" SET NOT NULL;--> statement-breakpoint
INSERT INTO "audit_chain_heads" ("chain", "seq", "prev_hash", "hash")
  SELECT 'global', "seq", "prev_hash", "hash" FROM "audit_events" ORDER BY "seq" DESC LIMIT 1;--> statement-breakpoint
SELECT setval('"public"."audit_event_seq"', coalesce((SELECT max("seq") FROM "audit_events"), 0) + 1, false);--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_chain_seq_key" UNIQUE("chain","chain_seq");
