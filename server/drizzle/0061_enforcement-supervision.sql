-- Issue 17 items 3, 8, 9 (measures 18, 29): complaints about enforcement tracked to an answer by a deadline;
-- case-file review rounds (案卷评查) sampled by the draws' sampler with their published pool hash, entropy and
-- seed, the files scored against the catalogue's sheet, and the corrections ordered with their completion.
CREATE TABLE "enforcement_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"channel" text NOT NULL,
	"channel_reference" text,
	"complainant" text,
	"summary" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"due_verified" boolean NOT NULL,
	"officer_id" uuid REFERENCES "officers"("id"),
	"officer_name" text,
	"inspection_id" uuid REFERENCES "inspections"("id"),
	"penalty_case_id" uuid REFERENCES "penalty_cases"("id"),
	"review_queued" boolean NOT NULL,
	"status" text NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by_name" text,
	"received_by_id" uuid NOT NULL,
	"received_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enforcement_complaints_status_check" CHECK ("enforcement_complaints"."status" in ('open', 'answered')),
	CONSTRAINT "enforcement_complaints_answer_check" CHECK (("status" = 'answered') = ("answered_on" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX "enforcement_complaints_territory_idx" ON "enforcement_complaints" USING btree ("territory","status","due_on");--> statement-breakpoint
CREATE INDEX "enforcement_complaints_officer_idx" ON "enforcement_complaints" USING btree ("officer_id");--> statement-breakpoint
CREATE TABLE "case_review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"sample_size" integer NOT NULL,
	"pool" jsonb NOT NULL,
	"pool_hash" text NOT NULL,
	"complaint_driven" jsonb NOT NULL,
	"public_entropy" text,
	"seed" text,
	"selected" jsonb,
	"status" text NOT NULL,
	"opened_by_id" uuid NOT NULL,
	"opened_by_name" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"sampled_at" timestamp with time zone,
	"sampled_by_name" text,
	CONSTRAINT "case_review_rounds_kind_check" CHECK ("case_review_rounds"."kind" in ('routine', 'special')),
	CONSTRAINT "case_review_rounds_status_check" CHECK ("case_review_rounds"."status" in ('opened', 'sampled'))
);
--> statement-breakpoint
CREATE INDEX "case_review_rounds_territory_idx" ON "case_review_rounds" USING btree ("territory","opened_at");--> statement-breakpoint
CREATE TABLE "case_review_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL REFERENCES "case_review_rounds"("id"),
	"territory" text NOT NULL,
	"file_kind" text NOT NULL,
	"file_id" uuid NOT NULL,
	"label" text NOT NULL,
	"handler_ids" jsonb NOT NULL,
	"handler_names" jsonb NOT NULL,
	"basis" text NOT NULL,
	"complaint_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"reviewer_id" uuid,
	"reviewer_name" text,
	"veto_failed" jsonb,
	"points" jsonb,
	"total" double precision,
	"grade" text,
	"findings" text,
	"scored_at" timestamp with time zone,
	CONSTRAINT "case_review_files_kind_check" CHECK ("case_review_files"."file_kind" in ('penalty_case', 'inspection')),
	CONSTRAINT "case_review_files_basis_check" CHECK ("case_review_files"."basis" in ('random', 'complaint')),
	CONSTRAINT "case_review_files_status_check" CHECK ("case_review_files"."status" in ('pending', 'scored')),
	CONSTRAINT "case_review_files_round_file_unique" UNIQUE ("round_id", "file_kind", "file_id")
);
--> statement-breakpoint
CREATE INDEX "case_review_files_round_idx" ON "case_review_files" USING btree ("round_id");--> statement-breakpoint
CREATE TABLE "case_review_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_file_id" uuid NOT NULL REFERENCES "case_review_files"("id"),
	"territory" text NOT NULL,
	"requirement" text NOT NULL,
	"due_on" date NOT NULL,
	"ordered_by_name" text NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"completed_on" date,
	"completion_note" text,
	"completed_by_name" text
);
--> statement-breakpoint
CREATE INDEX "case_review_corrections_file_idx" ON "case_review_corrections" USING btree ("review_file_id");--> statement-breakpoint
ALTER TABLE "enforcement_complaints" ADD COLUMN "review_file_id" uuid REFERENCES "case_review_files"("id");
