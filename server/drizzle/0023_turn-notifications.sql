-- issue 13 item 2: the next person in a chain (plan decision, notice, order, proof, review) is told in the app.
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('monthly_plan_due', 'draw_results_due', 'rectification_escalated', 'deadline_recomputed', 'annual_plan_calendar', 'over_unverified_cap', 'turn'));
