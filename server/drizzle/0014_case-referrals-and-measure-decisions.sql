-- Issue 11 items 8 and 9. The 现场处理措施决定书 is a numbered document type; a finding says who found it
-- (measure 14; existing findings were all found by the inspection); a major hidden danger found by an enforcement
-- inspection opens a 移交立案审查 item for the legal reviewer (measure 15). Items are opened when an inspection
-- is concluded from now on; inspections concluded before this migration are not reopened.
ALTER TABLE "document_counters" DROP CONSTRAINT "document_counters_type_check";--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_type_check" CHECK ("document_counters"."type" in ('onsite_plan', 'inspection_notice', 'inspection_record', 'rectification_order', 'rectification_review', 'onsite_measures_decision'));--> statement-breakpoint
ALTER TABLE "inspection_documents" DROP CONSTRAINT "inspection_documents_type_check";--> statement-breakpoint
ALTER TABLE "inspection_documents" ADD CONSTRAINT "inspection_documents_type_check" CHECK ("inspection_documents"."type" in ('onsite_plan', 'inspection_notice', 'inspection_record', 'rectification_order', 'rectification_review', 'onsite_measures_decision'));--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "found_by" text DEFAULT 'inspection' NOT NULL;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_found_by_check" CHECK ("findings"."found_by" in ('inspection', 'enterprise_self_check', 'expert_guidance'));--> statement-breakpoint
CREATE TABLE "case_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"enterprise_name" text NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"case_reference" text,
	"reason" text,
	"basis" text,
	"decided_at" timestamp with time zone,
	"decided_by_name" text,
	CONSTRAINT "case_referrals_finding_id_unique" UNIQUE("finding_id"),
	CONSTRAINT "case_referrals_status_check" CHECK ("case_referrals"."status" in ('open', 'case_opened', 'no_case'))
);
--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_referrals_territory_status_idx" ON "case_referrals" USING btree ("territory","status");--> statement-breakpoint
CREATE INDEX "case_referrals_inspection_idx" ON "case_referrals" USING btree ("inspection_id");
