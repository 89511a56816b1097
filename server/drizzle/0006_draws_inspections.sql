CREATE TABLE "conflict_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"officer_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"reason" text NOT NULL,
	"declared_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"organisation_id" uuid,
	"organisation_name" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"source" jsonb NOT NULL,
	"matters" jsonb NOT NULL,
	"status" text NOT NULL,
	"pools" jsonb NOT NULL,
	"pool_hash" text NOT NULL,
	"inspector_pool_hash" text NOT NULL,
	"enterprise_count" integer NOT NULL,
	"sample_size" integer NOT NULL,
	"inspector_count" integer NOT NULL,
	"inspection_date" date NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"frozen_by_name" text NOT NULL,
	"result" jsonb,
	"drawn_at" timestamp with time zone,
	"drawn_by_name" text,
	"partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"replacements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cancellation" jsonb,
	"results_published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"organisation_id" uuid,
	"organisation_name" text NOT NULL,
	"department_type" text,
	"kind" text NOT NULL,
	"planned_on" date NOT NULL,
	"year" integer NOT NULL,
	"matters" jsonb NOT NULL,
	"status" text NOT NULL,
	"trigger" text,
	"trigger_reference" text,
	"cap_at_planning" integer,
	"over_cap" integer DEFAULT 0 NOT NULL,
	"draw_id" uuid,
	"team" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"merged_into_id" uuid,
	"completed_on" date,
	"result_summary" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merge_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"period" text NOT NULL,
	"inspection_ids" jsonb NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"into_id" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "conflict_declarations_enterprise_idx" ON "conflict_declarations" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "draws_territory_idx" ON "draws" USING btree ("territory","year","month");--> statement-breakpoint
CREATE INDEX "draws_status_idx" ON "draws" USING btree ("status");--> statement-breakpoint
CREATE INDEX "inspections_enterprise_year_idx" ON "inspections" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "inspections_territory_year_idx" ON "inspections" USING btree ("territory","year");--> statement-breakpoint
CREATE INDEX "inspections_draw_idx" ON "inspections" USING btree ("draw_id");--> statement-breakpoint
CREATE INDEX "merge_decisions_enterprise_idx" ON "merge_decisions" USING btree ("enterprise_id","period");