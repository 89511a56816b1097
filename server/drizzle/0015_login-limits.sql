-- Issue 12 item 1: login limits that hold in parallel. When an account was last locked, so its owner is told
-- on the next login; and the failed attempts per username, counted for names that match no account so an
-- unknown name answers as an existing one does.
ALTER TABLE "users" ADD COLUMN "last_locked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "login_attempts_username_idx" ON "login_attempts" USING btree ("username","at");
