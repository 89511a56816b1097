-- Issue 15 item 6 (measure 15): 安全生产法 第一百一十二条 按日连续处罚 (the re-check that found the refusal, the
-- computed penalty and its follow-up case, a new case source) and 第一百一十三条 提请关闭 (the head's record)
ALTER TABLE "penalty_cases" DROP CONSTRAINT "penalty_cases_source_check";
--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_source_check" CHECK ("penalty_cases"."source" in ('case_referral', 'overdue_order', 'report', 'alert', 'continuous_penalty'));
--> statement-breakpoint
CREATE TABLE "case_continuous_penalties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"ordered_to_correct_on" date NOT NULL,
	"order_note" text NOT NULL,
	"refusal_found_on" date NOT NULL,
	"evidence_note" text NOT NULL,
	"days" integer NOT NULL,
	"per_day_fen" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"follow_up_case_id" uuid,
	"follow_up_opened_by_name" text,
	"follow_up_opened_at" timestamp with time zone,
	CONSTRAINT "case_continuous_penalties_case_idx" UNIQUE("case_id"),
	CONSTRAINT "case_continuous_penalties_follow_up_idx" UNIQUE("follow_up_case_id")
);
--> statement-breakpoint
ALTER TABLE "case_continuous_penalties" ADD CONSTRAINT "case_continuous_penalties_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "case_continuous_penalties" ADD CONSTRAINT "case_continuous_penalties_follow_up_case_id_penalty_cases_id_fk" FOREIGN KEY ("follow_up_case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "case_closure_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"enterprise_id" uuid,
	"item" integer NOT NULL,
	"penalty_case_ids" jsonb NOT NULL,
	"sent_on" date NOT NULL,
	"document_note" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_closure_proposals_case_idx" UNIQUE("case_id")
);
--> statement-breakpoint
ALTER TABLE "case_closure_proposals" ADD CONSTRAINT "case_closure_proposals_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "case_closure_proposals_enterprise_idx" ON "case_closure_proposals" USING btree ("enterprise_id");
--> statement-breakpoint
CREATE INDEX "penalty_cases_enterprise_decided_idx" ON "penalty_cases" USING btree ("enterprise_id","decided_on");
