-- issue 15 item 7 (measure 16): 查封、扣押 in a penalty case
CREATE TABLE "case_seizures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"items" jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"drafted_by" uuid NOT NULL,
	"drafted_by_name" text NOT NULL,
	"decided_by_name" text,
	"decision_note" text,
	"started_on" date,
	"due_on" date,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_requested_days" integer,
	"extension_reason" text,
	"extension_requested_by" uuid,
	"extension_requested_by_name" text,
	"extension_decided_by_name" text,
	"extension_decision_note" text,
	"released_on" date,
	"release_ground" text,
	"release_note" text,
	"released_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_seizures_kind_check" CHECK ("case_seizures"."kind" in ('seal', 'detain')),
	CONSTRAINT "case_seizures_status_check" CHECK ("case_seizures"."status" in ('proposed', 'in_force', 'released', 'withdrawn')),
	CONSTRAINT "case_seizures_release_ground_check" CHECK ("case_seizures"."release_ground" in ('no_violation', 'unrelated', 'decided', 'expired', 'other'))
);
--> statement-breakpoint
ALTER TABLE "case_seizures" ADD CONSTRAINT "case_seizures_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "case_seizures_case_idx" ON "case_seizures" USING btree ("case_id");
--> statement-breakpoint
CREATE INDEX "case_seizures_due_idx" ON "case_seizures" USING btree ("territory","status","due_on");
