-- Issue 17 items 4 and 5 (measures 28, 29): each bureau's annual report (公示办法 第十七条, by 31 January), and the
-- open days and media observations with their participants, the inspections they observe and their suggestions
-- with the bureau's answer (published on the portal once answered).
CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"organisation_name" text NOT NULL,
	"territory" text NOT NULL,
	"year" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"analysis" text NOT NULL,
	"status" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by_name" text NOT NULL,
	"published_on" date,
	"published_at" timestamp with time zone,
	"published_by_id" uuid,
	"published_by_name" text,
	CONSTRAINT "annual_reports_status_check" CHECK ("annual_reports"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_organisation_year_idx" ON "annual_reports" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE TABLE "open_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"organisation_name" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"summary" text NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "open_days_kind_check" CHECK ("open_days"."kind" in ('open_day', 'media'))
);
--> statement-breakpoint
CREATE INDEX "open_days_territory_idx" ON "open_days" USING btree ("territory","held_on");--> statement-breakpoint
CREATE TABLE "open_day_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"open_day_id" uuid NOT NULL REFERENCES "open_days"("id"),
	"territory" text NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"affiliation" text NOT NULL,
	"user_id" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "open_day_participants_category_check" CHECK ("open_day_participants"."category" in ('npc_deputy', 'cppcc_member', 'social_supervisor', 'worker_representative', 'media'))
);
--> statement-breakpoint
CREATE INDEX "open_day_participants_open_day_idx" ON "open_day_participants" USING btree ("open_day_id");--> statement-breakpoint
CREATE INDEX "open_day_participants_user_idx" ON "open_day_participants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "open_day_participants_user_once_idx" ON "open_day_participants" USING btree ("open_day_id","user_id");--> statement-breakpoint
CREATE TABLE "open_day_inspections" (
	"open_day_id" uuid NOT NULL REFERENCES "open_days"("id"),
	"inspection_id" uuid NOT NULL REFERENCES "inspections"("id"),
	"territory" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "open_day_inspections_pk" PRIMARY KEY("open_day_id","inspection_id")
);
--> statement-breakpoint
CREATE INDEX "open_day_inspections_inspection_idx" ON "open_day_inspections" USING btree ("inspection_id");--> statement-breakpoint
CREATE TABLE "open_day_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"open_day_id" uuid NOT NULL REFERENCES "open_days"("id"),
	"participant_id" uuid NOT NULL REFERENCES "open_day_participants"("id"),
	"territory" text NOT NULL,
	"text" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by_name" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_id" uuid,
	"answered_by_name" text
);
--> statement-breakpoint
CREATE INDEX "open_day_suggestions_open_day_idx" ON "open_day_suggestions" USING btree ("open_day_id");
