-- Issue 16 (measures 7, 19–21): monitoring sources with their signing keys, their points, the alarms as received
-- (normalised, beside the raw item) and the incidents officers handle. An alarm is stored once per source and
-- external id.
CREATE TABLE "monitoring_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"territory" text NOT NULL,
	"signing_key" text NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "monitoring_sources_kind_check" CHECK ("monitoring_sources"."kind" in ('hazardous_chemicals', 'non_coal_mine', 'industry_trade', 'work_at_height_video', 'drone_patrol'))
);
--> statement-breakpoint
CREATE TABLE "monitoring_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL REFERENCES "monitoring_sources"("id"),
	"code" text NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"thresholds" jsonb NOT NULL,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "monitoring_points_kind_check" CHECK ("monitoring_points"."kind" in ('temperature', 'pressure', 'level', 'flow', 'gas', 'pressure_difference', 'fault', 'video', 'drone', 'silence'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_points_source_code" ON "monitoring_points" USING btree ("source_id","code");--> statement-breakpoint
CREATE INDEX "monitoring_points_enterprise_idx" ON "monitoring_points" USING btree ("enterprise_id");--> statement-breakpoint
CREATE TABLE "monitoring_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL REFERENCES "monitoring_sources"("id"),
	"point_id" uuid NOT NULL REFERENCES "monitoring_points"("id"),
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"priority" text NOT NULL,
	"state" text NOT NULL,
	"alarm_count" integer NOT NULL,
	"summary" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"last_alarm_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_name" text,
	"question" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by_name" text,
	"closing_note" text,
	CONSTRAINT "monitoring_incidents_state_check" CHECK ("monitoring_incidents"."state" in ('open', 'acknowledged', 'awaiting_enterprise', 'closed_no_violation', 'inspection_opened', 'dismissed', 'cleared')),
	CONSTRAINT "monitoring_incidents_level_check" CHECK ("monitoring_incidents"."level" in ('red', 'orange', 'yellow', 'blue')),
	CONSTRAINT "monitoring_incidents_priority_check" CHECK ("monitoring_incidents"."priority" in ('low', 'normal', 'high', 'urgent'))
);
--> statement-breakpoint
CREATE INDEX "monitoring_incidents_territory_state_idx" ON "monitoring_incidents" USING btree ("territory","state","opened_at");--> statement-breakpoint
CREATE INDEX "monitoring_incidents_point_state_idx" ON "monitoring_incidents" USING btree ("point_id","kind","state");--> statement-breakpoint
CREATE INDEX "monitoring_incidents_enterprise_idx" ON "monitoring_incidents" USING btree ("enterprise_id");--> statement-breakpoint
CREATE TABLE "monitoring_alarms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL REFERENCES "monitoring_sources"("id"),
	"external_id" text NOT NULL,
	"point_id" uuid NOT NULL REFERENCES "monitoring_points"("id"),
	"incident_id" uuid REFERENCES "monitoring_incidents"("id"),
	"at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"level" text,
	"value" double precision,
	"threshold" double precision,
	"content" text,
	"raw" jsonb NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_alarms_source_external" ON "monitoring_alarms" USING btree ("source_id","external_id");--> statement-breakpoint
CREATE INDEX "monitoring_alarms_incident_idx" ON "monitoring_alarms" USING btree ("incident_id","at");
