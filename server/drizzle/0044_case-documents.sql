-- issue 15 item 11: the numbered documents of a penalty case; their numbers come from the same counters
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"subject_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by_name" text NOT NULL,
	CONSTRAINT "case_documents_type_check" CHECK ("case_documents"."type" in ('case_filing_approval', 'inquiry_record', 'penalty_notice', 'hearing_notice', 'defence_record', 'penalty_decision', 'credit_repair_notice', 'fine_reminder', 'seizure_decision', 'seizure_extension_decision', 'seizure_release_decision', 'case_closing_approval'))
);
--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_number" ON "case_documents" USING btree ("organisation_id","type","year","sequence");
--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");
--> statement-breakpoint
ALTER TABLE "document_counters" DROP CONSTRAINT "document_counters_type_check";
--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_type_check" CHECK ("document_counters"."type" in ('onsite_plan', 'inspection_notice', 'inspection_record', 'rectification_order', 'rectification_review', 'onsite_measures_decision', 'case_filing_approval', 'inquiry_record', 'penalty_notice', 'hearing_notice', 'defence_record', 'penalty_decision', 'credit_repair_notice', 'fine_reminder', 'seizure_decision', 'seizure_extension_decision', 'seizure_release_decision', 'case_closing_approval'));
