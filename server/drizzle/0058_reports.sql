-- Issue 17 items 1 and 2 (measure 27): reports from the public with the reporter's identity encrypted outside the database's keys, their photos,
-- the rate-limited lookups, the rewards (谁受理、谁奖励), enterprises' internal reporting-reward mechanisms; the role 举报受理员
ALTER TABLE "users" DROP CONSTRAINT "users_role_check";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'enterprise', 'expert', 'social_supervisor', 'admin', 'report_officer'));--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"receipt_code" text NOT NULL,
	"password_hash" text NOT NULL,
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"enterprise_id" uuid,
	"enterprise_description" text,
	"content" text NOT NULL,
	"location" text,
	"latitude" double precision,
	"longitude" double precision,
	"anonymous" boolean NOT NULL,
	"employee_of_enterprise" boolean NOT NULL,
	"identity_cipher" text,
	"state" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"accepted_on" date,
	"accepted_by_name" text,
	"decline_reason" text,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_reason" text,
	"extension_requested_days" integer,
	"extension_requested_by" uuid,
	"extension_approved_by_name" text,
	"verified_on" date,
	"outcome" text,
	"findings" text,
	"answered_on" date,
	"answer" text,
	"merged_into_id" uuid,
	"inspection_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reports_state_check" CHECK ("reports"."state" in ('received', 'not_accepted', 'accepted', 'verified', 'answered', 'merged')),
	CONSTRAINT "reports_kind_check" CHECK ("reports"."kind" in ('major_hidden_danger', 'illegal_production', 'concealed_accident', 'hidden_danger', 'other')),
	CONSTRAINT "reports_outcome_check" CHECK ("reports"."outcome" in ('substantiated', 'partly_substantiated', 'unsubstantiated'))
);
--> statement-breakpoint
CREATE TABLE "report_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"data" bytea NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_lookups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"succeeded" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"fine_yuan" numeric(14, 2),
	"concealed_deaths" integer,
	"accident_grade" text,
	"employee_uplift" boolean NOT NULL,
	"amount_yuan" numeric(14, 2) NOT NULL,
	"steps" jsonb NOT NULL,
	"verified" boolean NOT NULL,
	"state" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_by_name" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"notice_on" date,
	"collect_by" date,
	"paid_on" date,
	"payment_method" text,
	"payment_reference" text,
	"payment_by_name" text,
	CONSTRAINT "report_rewards_state_check" CHECK ("report_rewards"."state" in ('proposed', 'approved', 'rejected', 'notified', 'paid', 'waived')),
	CONSTRAINT "report_rewards_kind_check" CHECK ("report_rewards"."kind" in ('major_hidden_danger', 'illegal_production', 'concealed_accident'))
);
--> statement-breakpoint
CREATE TABLE "internal_reporting_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"established_on" date NOT NULL,
	"channels" text NOT NULL,
	"reward_rule" text NOT NULL,
	"registered_by_name" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internal_reporting_payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_yuan" numeric(14, 2) NOT NULL,
	"hazard" text NOT NULL,
	"recorded_by_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_extension_requested_by_users_id_fk" FOREIGN KEY ("extension_requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rewards" ADD CONSTRAINT "report_rewards_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rewards" ADD CONSTRAINT "report_rewards_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_reporting_systems" ADD CONSTRAINT "internal_reporting_systems_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_reporting_payouts" ADD CONSTRAINT "internal_reporting_payouts_system_id_internal_reporting_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."internal_reporting_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_receipt_code_idx" ON "reports" USING btree ("receipt_code");--> statement-breakpoint
CREATE INDEX "reports_territory_state_idx" ON "reports" USING btree ("territory","state");--> statement-breakpoint
CREATE INDEX "reports_enterprise_idx" ON "reports" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "report_photos_report_idx" ON "report_photos" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_lookups_client_idx" ON "report_lookups" USING btree ("client_hash","at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_rewards_report_idx" ON "report_rewards" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "internal_reporting_systems_enterprise_idx" ON "internal_reporting_systems" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "internal_reporting_payouts_system_idx" ON "internal_reporting_payouts" USING btree ("system_id");
