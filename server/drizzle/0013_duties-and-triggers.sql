-- Issue 11 items 3 and 5, issue 12 item 7. Written for a database that already holds records: every new column
-- is nullable or has a default, and the wider trigger list keeps every value the old one allowed.
--
-- measure 5 ends with "等渠道": the targeted triggers are an open list. "other" carries its description and is
-- approved by the bureau head; 专项行动 carries the reference of its filed plan (trigger_reference).
ALTER TABLE "inspections" DROP CONSTRAINT "inspections_trigger_check";--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_trigger_check" CHECK ("inspections"."trigger" in ('special_campaign', 'emergency', 'complaint_or_report', 'referral', 'platform_monitoring', 'drone_patrol', 'accident_investigation', 'supervision_order', 'hotline_12345', 'other'));--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "trigger_description" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "trigger_approved_by_id" uuid;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "trigger_approved_by_name" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "trigger_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_trigger_approved_by_id_users_id_fk" FOREIGN KEY ("trigger_approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- separation of duties: who drafted a plan (older rows keep only the name; who issued an order: 0012)
ALTER TABLE "onsite_plans" ADD COLUMN "drafted_by_id" uuid;--> statement-breakpoint
ALTER TABLE "onsite_plans" ADD CONSTRAINT "onsite_plans_drafted_by_id_users_id_fk" FOREIGN KEY ("drafted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- measure 11 "原则上": an urgent visit starts before approval, the reason recorded, approval given afterwards
ALTER TABLE "onsite_plans" ADD COLUMN "urgent" jsonb;--> statement-breakpoint
-- measure 11: a unit head approves on-site plans only under a delegation the bureau head records
CREATE TABLE "plan_approval_delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"delegate_id" uuid NOT NULL,
	"delegate_name" text NOT NULL,
	"kinds" jsonb NOT NULL,
	"scope_note" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"granted_by_id" uuid NOT NULL,
	"granted_by_name" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "plan_approval_delegations_term_check" CHECK ("plan_approval_delegations"."valid_to" >= "plan_approval_delegations"."valid_from")
);--> statement-breakpoint
ALTER TABLE "plan_approval_delegations" ADD CONSTRAINT "plan_approval_delegations_delegate_id_users_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_approval_delegations" ADD CONSTRAINT "plan_approval_delegations_granted_by_id_users_id_fk" FOREIGN KEY ("granted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_approval_delegations_delegate_idx" ON "plan_approval_delegations" USING btree ("delegate_id","valid_to");
