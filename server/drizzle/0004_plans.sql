CREATE TABLE "annual_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"territory" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"record" jsonb NOT NULL,
	"input" jsonb NOT NULL,
	"document" jsonb NOT NULL,
	"link" jsonb,
	"computed_at" timestamp with time zone NOT NULL,
	"computed_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"territory" text NOT NULL,
	"unit_id" uuid,
	"unit_name" text NOT NULL,
	"annual_plan_id" uuid NOT NULL,
	"status" text NOT NULL,
	"record" jsonb NOT NULL,
	"enterprise_ids" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monthly_plans" ADD CONSTRAINT "monthly_plans_annual_plan_id_annual_plans_id_fk" FOREIGN KEY ("annual_plan_id") REFERENCES "public"."annual_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_plans_territory_year_version" ON "annual_plans" USING btree ("territory","year","version");--> statement-breakpoint
CREATE INDEX "annual_plans_status_idx" ON "annual_plans" USING btree ("status","year");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_plans_unit_month" ON "monthly_plans" USING btree ("territory","unit_name","year","month");--> statement-breakpoint
CREATE INDEX "monthly_plans_year_month_idx" ON "monthly_plans" USING btree ("year","month");