-- Issue 17 items 1 and 2 (measure 27): a penalty case opened from a verified report (the case keeps the report and
-- its receipt code, never the reporter; one case per report; the report keeps its case), and the enterprise's
-- internal reporting-reward mechanism (安委〔2024〕7号) as a fact of the grading, recorded from the mechanisms
-- already registered.
ALTER TABLE "penalty_cases" ADD COLUMN "report_id" uuid REFERENCES "reports"("id");
--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "origin_reference" text;
--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_cases_report_idx" ON "penalty_cases" USING btree ("report_id");
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "penalty_case_id" uuid REFERENCES "penalty_cases"("id");
--> statement-breakpoint
ALTER TABLE "enterprise_facts" DROP CONSTRAINT "enterprise_facts_kind_check";
--> statement-breakpoint
ALTER TABLE "enterprise_facts" ADD CONSTRAINT "enterprise_facts_kind_check" CHECK ("enterprise_facts"."kind" in ('accident', 'penalty', 'violation', 'standardisation', 'safety_credit_grade', 'overdue_major_hidden_danger', 'joint_credit_punishment', 'special_processes', 'designated_new_sector', 'monitoring_lead', 'internal_reporting_mechanism'));
--> statement-breakpoint
INSERT INTO "enterprise_facts" ("enterprise_id", "territory", "kind", "data", "recorded_at", "recorded_by_name")
SELECT "enterprise_id", "territory", 'internal_reporting_mechanism', jsonb_build_object('establishedOn', "established_on"::text, 'systemId', "id"::text), "registered_at", "registered_by_name"
FROM "internal_reporting_systems";
