-- issue 15 item 10 (measure 22): penalty decisions published without personal data, and credit repair
CREATE TABLE "penalty_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"enterprise_id" uuid,
	"document_number" text NOT NULL,
	"case_name" text NOT NULL,
	"party_type" text NOT NULL,
	"party_name" text NOT NULL,
	"facts" text NOT NULL,
	"basis" text NOT NULL,
	"decision" text NOT NULL,
	"authority" text NOT NULL,
	"decided_on" date NOT NULL,
	"published_on" date NOT NULL,
	"credit_class" text NOT NULL,
	"min_until" date,
	"max_until" date NOT NULL,
	"repaired_on" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "penalty_publications_credit_class_check" CHECK ("penalty_publications"."credit_class" in ('minor', 'general', 'serious'))
);
--> statement-breakpoint
CREATE TABLE "credit_repair_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publication_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"status" text NOT NULL,
	"pledge" text NOT NULL,
	"fulfilment" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"applied_by_name" text NOT NULL,
	"due_on" date NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_name" text,
	"decision_note" text,
	CONSTRAINT "credit_repair_applications_status_check" CHECK ("credit_repair_applications"."status" in ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD CONSTRAINT "penalty_publications_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "credit_repair_applications" ADD CONSTRAINT "credit_repair_applications_publication_id_penalty_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."penalty_publications"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "credit_repair_applications" ADD CONSTRAINT "credit_repair_applications_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_publications_case_idx" ON "penalty_publications" USING btree ("case_id");
--> statement-breakpoint
CREATE INDEX "penalty_publications_public_idx" ON "penalty_publications" USING btree ("territory","published_on");
--> statement-breakpoint
CREATE INDEX "penalty_publications_enterprise_idx" ON "penalty_publications" USING btree ("enterprise_id");
--> statement-breakpoint
CREATE INDEX "credit_repair_applications_publication_idx" ON "credit_repair_applications" USING btree ("publication_id");
--> statement-breakpoint
CREATE INDEX "credit_repair_applications_case_idx" ON "credit_repair_applications" USING btree ("case_id");
