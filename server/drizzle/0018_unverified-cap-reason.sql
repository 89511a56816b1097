-- issue 11 item 4: an inspection beyond a cap that is still unverified records why, and the legal reviewers
-- are told (a new notification kind); unverified grading criteria propose an enterprise for the guide list.
ALTER TABLE "inspections" ADD COLUMN "over_cap_reason" text;--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('monthly_plan_due', 'draw_results_due', 'rectification_escalated', 'deadline_recomputed', 'annual_plan_calendar', 'over_unverified_cap'));--> statement-breakpoint
ALTER TABLE "guide_list_entries" DROP CONSTRAINT "guide_list_entries_origin_check";--> statement-breakpoint
ALTER TABLE "guide_list_entries" ADD CONSTRAINT "guide_list_entries_origin_check" CHECK ("guide_list_entries"."origin" in ('rule', 'manual', 'proposed'));
