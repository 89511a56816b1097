-- 安全生产法 第七十条 (issue 15 item 7): stopping power or explosives supply to enforce a decision to stop
CREATE TABLE "case_supply_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"kinds" jsonb NOT NULL,
	"suppliers" text NOT NULL,
	"reason" text NOT NULL,
	"enterprise_notified_at" timestamp with time zone NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"urgent_reason" text,
	"status" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_by_name" text NOT NULL,
	"decided_by_name" text,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"lifted_at" timestamp with time zone,
	"lift_note" text,
	"lifted_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_supply_suspensions_status_check" CHECK ("case_supply_suspensions"."status" in ('proposed', 'in_force', 'lifted', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "case_supply_suspensions" ADD CONSTRAINT "case_supply_suspensions_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "case_supply_suspensions_case_idx" ON "case_supply_suspensions" USING btree ("case_id");
