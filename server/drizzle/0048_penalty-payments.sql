-- issue 15 item 3 after service (履行): payments of a fine, 暂缓/分期缴纳 (行政处罚法 第六十六条第二款), the 催告 and the
-- application to the people's court for enforcement (行政强制法 第五十三条、第五十四条), and the ground a case closed on
CREATE TABLE "case_fine_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount_fen" integer NOT NULL,
	"reference" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_fine_payments_amount_check" CHECK ("case_fine_payments"."amount_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "case_fine_payments" ADD CONSTRAINT "case_fine_payments_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "case_fine_payments_case_idx" ON "case_fine_payments" USING btree ("case_id");
--> statement-breakpoint
CREATE TABLE "case_fine_arrangements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"applied_on" date NOT NULL,
	"reason" text NOT NULL,
	"deferred_until" date,
	"instalments" jsonb,
	"status" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"decided_by_name" text,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_fine_arrangements_kind_check" CHECK ("case_fine_arrangements"."kind" in ('deferral', 'instalment')),
	CONSTRAINT "case_fine_arrangements_status_check" CHECK ("case_fine_arrangements"."status" in ('applied', 'approved', 'refused'))
);
--> statement-breakpoint
ALTER TABLE "case_fine_arrangements" ADD CONSTRAINT "case_fine_arrangements_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "case_fine_arrangements_case_idx" ON "case_fine_arrangements" USING btree ("case_id");
--> statement-breakpoint
CREATE TABLE "case_fine_enforcement" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"territory" text NOT NULL,
	"reminder_served_on" date,
	"reminder_note" text,
	"reminder_recorded_by_name" text,
	"court_applied_on" date,
	"court_name" text,
	"court_note" text,
	"court_warnings" jsonb,
	"court_recorded_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_fine_enforcement" ADD CONSTRAINT "case_fine_enforcement_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "closing_ground" text;
