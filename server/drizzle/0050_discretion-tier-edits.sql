-- issue 15 item 2 (measure 17): the legal reviewer's edits of a violation's discretion tiers, append-only (the
-- history is the rows); the tiers in force on a day overlay the catalogue's placeholder scheme, per city bureau
CREATE TABLE "discretion_tier_edits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"violation_code" text NOT NULL,
	"tier" text NOT NULL,
	"from_percent" double precision,
	"to_percent" double precision,
	"point_percent" double precision,
	"mitigated_percent_of_minimum" double precision,
	"conditions" text NOT NULL,
	"source" text NOT NULL,
	"verified" boolean NOT NULL,
	"effective" date NOT NULL,
	"editor_id" uuid NOT NULL,
	"editor_name" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sequence" integer NOT NULL,
	CONSTRAINT "discretion_tier_edits_tier_check" CHECK ("discretion_tier_edits"."tier" in ('no_penalty', 'mitigated', 'lighter', 'ordinary', 'heavier')),
	CONSTRAINT "discretion_tier_edits_band_check" CHECK (("discretion_tier_edits"."from_percent" is null) = ("discretion_tier_edits"."to_percent" is null) and ("discretion_tier_edits"."from_percent" is null) = ("discretion_tier_edits"."point_percent" is null)),
	CONSTRAINT "discretion_tier_edits_verified_source_check" CHECK (not "discretion_tier_edits"."verified" or length(trim("discretion_tier_edits"."source")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "discretion_tier_edits_sequence_idx" ON "discretion_tier_edits" USING btree ("territory","violation_code","sequence","tier");
--> statement-breakpoint
CREATE INDEX "discretion_tier_edits_violation_idx" ON "discretion_tier_edits" USING btree ("territory","violation_code","effective");
