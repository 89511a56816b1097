-- Issue 10 item 6: sequence first, chain after. A write inserts its event with its number and no link, taking no
-- lock; the chainer sets chain_seq, prev_hash and hash afterwards (all three together), finding the events to
-- link through a partial index. Events already chained keep their links and hashes.
ALTER TABLE "audit_events" ALTER COLUMN "chain_seq" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_link_check" CHECK (("audit_events"."chain_seq" is null and "audit_events"."prev_hash" is null and "audit_events"."hash" is null) or ("audit_events"."chain_seq" is not null and "audit_events"."prev_hash" is not null and "audit_events"."hash" is not null));--> statement-breakpoint
CREATE INDEX "audit_events_unchained_idx" ON "audit_events" USING btree ("seq") WHERE "audit_events"."chain_seq" is null;--> statement-breakpoint
-- Issue 10 shortfall: what the system does (jobs, the demo load) is done by a real user that cannot log in
-- (inactive, and its password hash is no hash any password verifies against). Its id is the one the demo draw
-- already wrote into its audit events, so those events name a real user without touching their hashes.
INSERT INTO "users" ("id", "username", "password_hash", "display_name", "role", "territory", "active")
  VALUES ('00000000-0000-4000-8000-000000000001', 'inspecta.system', '!', '系统', 'admin', '440700', false)
  ON CONFLICT ("id") DO NOTHING;--> statement-breakpoint
-- Every actor is a user. NOT VALID first, so the key holds for every new event at once; then the events already
-- written are checked. A database holding an actor that is no user (none written by this application) keeps the
-- key for new events and reports the old ones instead of failing the upgrade.
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
DO $$
BEGIN
  ALTER TABLE "audit_events" VALIDATE CONSTRAINT "audit_events_actor_id_users_id_fk";
EXCEPTION WHEN foreign_key_violation THEN
  RAISE WARNING 'audit_events.actor_id: some old events name an actor that is no user; the key holds for new events';
END $$;
