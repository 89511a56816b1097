-- Issue 15: penalty cases (案件) opened from a 移交立案审查 item or an overdue order, with the discretion proposal
-- as the engine gave it, the legal review, the decision (with its written reason when it departs from the
-- proposal), service with the credit-repair notice, and the evidence recorded during the investigation.
CREATE TABLE "penalty_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"reference" text NOT NULL,
	"source" text NOT NULL,
	"case_referral_id" uuid,
	"rectification_order_id" uuid,
	"inspection_id" uuid,
	"enterprise_id" uuid,
	"enterprise_name" text NOT NULL,
	"summary" text NOT NULL,
	"status" text NOT NULL,
	"violation_code" text,
	"committed_on" date,
	"found_by" text NOT NULL,
	"circumstances" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"major_hidden_danger" boolean DEFAULT false NOT NULL,
	"proposal" jsonb,
	"proposal_tier" text,
	"proposal_amount_fen" integer,
	"proposal_drafted_by" uuid,
	"proposal_drafted_by_name" text,
	"reviewed_by_name" text,
	"review_note" text,
	"decision_tier" text,
	"decision_amount_fen" integer,
	"departure_reason" text,
	"legal_ground" text,
	"decided_by_name" text,
	"criminal_referral_suspected" boolean DEFAULT false NOT NULL,
	"criminal_referral_note" text,
	"credit_repair_notice_served" boolean DEFAULT false NOT NULL,
	"opened_on" date NOT NULL,
	"notified_on" date,
	"hearing_on" date,
	"decided_on" date,
	"served_on" date,
	"closed_on" date,
	"opened_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "penalty_cases_status_check" CHECK ("penalty_cases"."status" in ('investigating', 'legal_review', 'collective_discussion', 'review_approved', 'notified', 'hearing', 'decided', 'served', 'closed')),
	CONSTRAINT "penalty_cases_source_check" CHECK ("penalty_cases"."source" in ('case_referral', 'overdue_order', 'report', 'alert')),
	CONSTRAINT "penalty_cases_found_by_check" CHECK ("penalty_cases"."found_by" in ('inspection', 'enterprise_self_check', 'expert_guidance')),
	CONSTRAINT "penalty_cases_proposal_tier_check" CHECK ("penalty_cases"."proposal_tier" in ('no_penalty', 'mitigated', 'lighter', 'ordinary', 'heavier')),
	CONSTRAINT "penalty_cases_decision_tier_check" CHECK ("penalty_cases"."decision_tier" in ('no_penalty', 'mitigated', 'lighter', 'ordinary', 'heavier'))
);
--> statement-breakpoint
CREATE TABLE "penalty_case_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "penalty_case_evidence_kind_check" CHECK ("penalty_case_evidence"."kind" in ('photo', 'record', 'inquiry_record', 'document', 'other'))
);
--> statement-breakpoint
ALTER TABLE "penalty_case_evidence" ADD CONSTRAINT "penalty_case_evidence_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_cases_reference_idx" ON "penalty_cases" USING btree ("territory","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_cases_case_referral_idx" ON "penalty_cases" USING btree ("case_referral_id");--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_cases_rectification_order_idx" ON "penalty_cases" USING btree ("rectification_order_id");--> statement-breakpoint
CREATE INDEX "penalty_cases_territory_status_idx" ON "penalty_cases" USING btree ("territory","status");--> statement-breakpoint
CREATE INDEX "penalty_cases_consistency_idx" ON "penalty_cases" USING btree ("violation_code","decision_tier","territory");--> statement-breakpoint
CREATE INDEX "penalty_case_evidence_case_idx" ON "penalty_case_evidence" USING btree ("case_id");
