-- dropping the column drops its trigram index too; it is recreated below
ALTER TABLE "enterprises" DROP COLUMN "search_text";--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || ' ' || address || ' ' || credit_code)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "enterprises_search_trgm_idx" ON "enterprises" USING gin ("search_text" gin_trgm_ops);
