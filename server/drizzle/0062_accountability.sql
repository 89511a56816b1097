-- Issue 17 item 10 (measure 30): accountability records, one per wrongful act of the enforcement staff (不履行、
-- 违法履行、不当履行), with its origin, the inspection or penalty case it concerns, the correction (纠正、责令限期改正、
-- 撤销、变更) with its deadline and completion, the referral to discipline inspection, and the approval by another
-- person than the drafter; and the people responsible, each with the sanction of the catalogue and what it did to
-- the enforcement certificate on approval.
CREATE TABLE "accountability_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"facts" text NOT NULL,
	"origin" text NOT NULL,
	"origin_reference" text DEFAULT '' NOT NULL,
	"inspection_id" uuid REFERENCES "inspections"("id"),
	"penalty_case_id" uuid REFERENCES "penalty_cases"("id"),
	"correction_kind" text,
	"correction_detail" text DEFAULT '' NOT NULL,
	"correction_deadline" date,
	"correction_completed_on" date,
	"correction_completion_note" text,
	"referred_on" date,
	"referral_note" text,
	"status" text NOT NULL,
	"drafted_by_id" uuid NOT NULL,
	"drafted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_by_id" uuid,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"approval_note" text,
	"returned_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "accountability_records_kind_check" CHECK ("accountability_records"."kind" in ('not_performed', 'unlawful', 'improper')),
	CONSTRAINT "accountability_records_origin_check" CHECK ("accountability_records"."origin" in ('complaint', 'case_review', 'supervision', 'other')),
	CONSTRAINT "accountability_records_correction_check" CHECK ("accountability_records"."correction_kind" in ('correct', 'order_correction', 'revoke', 'vary')),
	CONSTRAINT "accountability_records_status_check" CHECK ("accountability_records"."status" in ('draft', 'submitted', 'approved'))
);
--> statement-breakpoint
CREATE INDEX "accountability_records_territory_idx" ON "accountability_records" USING btree ("territory","created_at");--> statement-breakpoint
CREATE TABLE "accountability_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL REFERENCES "accountability_records"("id"),
	"officer_id" uuid NOT NULL REFERENCES "officers"("id"),
	"officer_name" text NOT NULL,
	"sanction" text NOT NULL,
	"sanction_note" text DEFAULT '' NOT NULL,
	"certificate_effect" text,
	"applied_at" timestamp with time zone,
	CONSTRAINT "accountability_persons_effect_check" CHECK ("accountability_persons"."certificate_effect" in ('suspended', 'revoked'))
);
--> statement-breakpoint
CREATE INDEX "accountability_persons_record_idx" ON "accountability_persons" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "accountability_persons_officer_idx" ON "accountability_persons" USING btree ("officer_id");
