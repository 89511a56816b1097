CREATE TABLE "enterprise_facts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_id" uuid,
	"recorded_by_name" text NOT NULL,
	"retracted_at" timestamp with time zone,
	"retraction_reason" text
);
--> statement-breakpoint
CREATE TABLE "enterprise_grades" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"territory" text NOT NULL,
	"class" text NOT NULL,
	"risk_grade" text NOT NULL,
	"enforcement_level" text NOT NULL,
	"score" double precision NOT NULL,
	"result" jsonb NOT NULL,
	"digest" text NOT NULL,
	"catalog_version" text NOT NULL,
	"graded_on" date NOT NULL,
	"graded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grade_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"from_grade" jsonb,
	"to_grade" jsonb NOT NULL,
	"summary" text NOT NULL,
	"run_id" uuid
);
--> statement-breakpoint
CREATE TABLE "regrade_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"for_date" date NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"started_by_name" text NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "guide_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"territory" text NOT NULL,
	"class" text NOT NULL,
	"enforcement_level" text NOT NULL,
	"rule_reasons" jsonb NOT NULL,
	"origin" text NOT NULL,
	"removed" boolean DEFAULT false NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "guide_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"territory" text NOT NULL,
	"status" text NOT NULL,
	"catalog_version" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by_name" text NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by_name" text,
	"approval_comment" text,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "enterprise_facts" ADD CONSTRAINT "enterprise_facts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_grades" ADD CONSTRAINT "enterprise_grades_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_changes" ADD CONSTRAINT "grade_changes_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_list_entries" ADD CONSTRAINT "guide_list_entries_list_id_guide_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."guide_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_list_entries" ADD CONSTRAINT "guide_list_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_facts_enterprise_idx" ON "enterprise_facts" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprise_grades_territory_idx" ON "enterprise_grades" USING btree ("territory","class","risk_grade");--> statement-breakpoint
CREATE INDEX "grade_changes_enterprise_idx" ON "grade_changes" USING btree ("enterprise_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "regrade_runs_one_running" ON "regrade_runs" USING btree ("status") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "guide_list_entries_list_idx" ON "guide_list_entries" USING btree ("list_id","territory","name");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_lists_year_territory" ON "guide_lists" USING btree ("year","territory");