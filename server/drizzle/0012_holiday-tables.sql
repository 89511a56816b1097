-- Issue 11 item 12: the holiday table of a year, entered by a legal reviewer from the State Council's notice
-- (the years chinese-days knows are the seed and need no row); rectification deadlines counted into a year
-- without a table are marked pending and remembered with their issuer, who is told when they are recomputed.
CREATE TABLE "holiday_tables" (
	"year" integer PRIMARY KEY NOT NULL,
	"holidays" jsonb NOT NULL,
	"make_up_workdays" jsonb NOT NULL,
	"notice" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by_id" uuid NOT NULL,
	"entered_by_name" text NOT NULL
);--> statement-breakpoint
ALTER TABLE "holiday_tables" ADD CONSTRAINT "holiday_tables_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD COLUMN "deadline_pending_years" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD COLUMN "issued_by_id" uuid;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('monthly_plan_due', 'draw_results_due', 'rectification_escalated', 'deadline_recomputed', 'annual_plan_calendar'));
