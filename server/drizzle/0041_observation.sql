-- Issue 15 item 9 (measure 14, 观察期): after a decision without penalty the case carries the day an officer goes
-- back to the enterprise and, once recorded, what he found.
ALTER TABLE "penalty_cases" ADD COLUMN "observation_follow_up_on" date;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "observation_outcome" text;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "observation_note" text;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "observation_recorded_on" date;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "observation_recorded_by_name" text;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_observation_outcome_check" CHECK ("penalty_cases"."observation_outcome" in ('kept', 'reoffended'));--> statement-breakpoint
CREATE INDEX "penalty_cases_observation_idx" ON "penalty_cases" USING btree ("territory","observation_follow_up_on");
