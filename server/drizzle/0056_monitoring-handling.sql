-- Issue 16 items 3 and 5: a lead linked to the grading fact that feeds it into the enterprise's dynamic risk, to the targeted inspection it became, and the bureau that answers for it
-- after it went up the territory's chain unhandled
ALTER TABLE "monitoring_incidents" ADD COLUMN "inspection_id" uuid;--> statement-breakpoint
ALTER TABLE "monitoring_incidents" ADD COLUMN "handling_territory" text;--> statement-breakpoint
ALTER TABLE "monitoring_incidents" ADD COLUMN "escalation_steps" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitoring_incidents" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monitoring_incidents" ADD COLUMN "risk_fact_id" uuid;--> statement-breakpoint
UPDATE "monitoring_incidents" SET "handling_territory" = "territory";--> statement-breakpoint
ALTER TABLE "monitoring_incidents" ALTER COLUMN "handling_territory" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "monitoring_incidents" ADD CONSTRAINT "monitoring_incidents_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_incidents_enterprise_closed_idx" ON "monitoring_incidents" USING btree ("enterprise_id","state","closed_at");--> statement-breakpoint
CREATE INDEX "monitoring_incidents_opened_idx" ON "monitoring_incidents" USING btree ("opened_at");--> statement-breakpoint
ALTER TABLE "enterprise_facts" DROP CONSTRAINT "enterprise_facts_kind_check";--> statement-breakpoint
ALTER TABLE "enterprise_facts" ADD CONSTRAINT "enterprise_facts_kind_check" CHECK ("enterprise_facts"."kind" in ('accident', 'penalty', 'violation', 'standardisation', 'safety_credit_grade', 'overdue_major_hidden_danger', 'joint_credit_punishment', 'special_processes', 'designated_new_sector', 'monitoring_lead'));--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('monthly_plan_due', 'draw_results_due', 'rectification_escalated', 'over_unverified_cap', 'deadline_recomputed', 'annual_plan_calendar', 'turn', 'monitoring_escalated'));
