-- Issue 16 items 6 and 7 (measure 21): drone patrol missions over an area drawn on the map (GeoJSON polygon,
-- route line, a date and time window, the pilot), the findings the pilot uploads with their photo, and the
-- enterprises' recorded coordinates so the map can place them (nullable: the register had none).
ALTER TABLE "enterprises" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_coordinates_check" CHECK (("latitude" IS NULL) = ("longitude" IS NULL) AND ("latitude" IS NULL OR ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180)));--> statement-breakpoint
CREATE TABLE "drone_missions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"title" text NOT NULL,
	"area_kind" text NOT NULL,
	"area" jsonb NOT NULL,
	"route" jsonb NOT NULL,
	"scheduled_on" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"pilot_id" uuid NOT NULL REFERENCES "users"("id"),
	"pilot_name" text NOT NULL,
	"state" text NOT NULL,
	"planned_by_id" uuid NOT NULL,
	"planned_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "drone_missions_area_kind_check" CHECK ("drone_missions"."area_kind" in ('non_coal_mine', 'industrial_zone', 'shared_factory_building', 'key_enterprise')),
	CONSTRAINT "drone_missions_state_check" CHECK ("drone_missions"."state" in ('planned', 'completed'))
);
--> statement-breakpoint
CREATE INDEX "drone_missions_territory_idx" ON "drone_missions" USING btree ("territory","scheduled_on");--> statement-breakpoint
CREATE TABLE "drone_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mission_id" uuid NOT NULL REFERENCES "drone_missions"("id"),
	"territory" text NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"kind" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	"inside_area" boolean NOT NULL,
	"photo" bytea NOT NULL,
	"photo_sha256" text NOT NULL,
	"photo_media_type" text NOT NULL,
	"photo_size" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by_name" text NOT NULL,
	CONSTRAINT "drone_findings_kind_check" CHECK ("drone_findings"."kind" in ('unapproved_construction', 'work_at_height', 'other'))
);
--> statement-breakpoint
CREATE INDEX "drone_findings_mission_idx" ON "drone_findings" USING btree ("mission_id","taken_at");
