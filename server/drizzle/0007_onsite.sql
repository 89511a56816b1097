CREATE TABLE "checklist_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_name" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	"location" jsonb,
	"supersedes" uuid
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"organisation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_counters_organisation_id_type_year_pk" PRIMARY KEY("organisation_id","type","year")
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"file_name" text,
	"taken_at" text,
	"location" jsonb,
	"data" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"enterprise_visible" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"item_code" text NOT NULL,
	"description" text NOT NULL,
	"major_hidden_danger" boolean NOT NULL,
	"basis" text NOT NULL,
	"how_to_fix" text NOT NULL,
	"status" text NOT NULL,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fix_proof_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"body_camera_refs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"location" jsonb,
	"emergency_measures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_name" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"subject_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onsite_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	"drafted_by_name" text NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_name" text,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "rectification_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"finding_ids" jsonb NOT NULL,
	"requirements" text NOT NULL,
	"deadline_workdays" integer,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"proofs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviews" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"escalation" jsonb,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "visit_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"organisation_name" text NOT NULL,
	"officer_certificates" jsonb NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"month" text NOT NULL,
	CONSTRAINT "visit_ratings_inspection_id_unique" UNIQUE("inspection_id")
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "stage" text DEFAULT 'planned' NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "subject_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "remote_check" jsonb;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "check_in_location" jsonb;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "acknowledgement" jsonb;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "checklist_entries_inspection_idx" ON "checklist_entries" USING btree ("inspection_id","item_code");--> statement-breakpoint
CREATE INDEX "evidence_files_inspection_idx" ON "evidence_files" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "findings_inspection_idx" ON "findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_documents_number" ON "inspection_documents" USING btree ("organisation_id","type","year","sequence");--> statement-breakpoint
CREATE INDEX "inspection_documents_inspection_idx" ON "inspection_documents" USING btree ("inspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "onsite_plans_inspection_version" ON "onsite_plans" USING btree ("inspection_id","version");--> statement-breakpoint
CREATE INDEX "rectification_orders_inspection_idx" ON "rectification_orders" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "rectification_orders_enterprise_idx" ON "rectification_orders" USING btree ("enterprise_id","status");