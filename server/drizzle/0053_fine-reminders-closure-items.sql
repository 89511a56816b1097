-- 行政强制法 第五十四条 (issue 15 item 3): a case may serve more than one 催告 when the amount overdue changed; each
-- with its document number, its service day and the amounts it stated. The one reminder a case held moves here.
CREATE TABLE "case_fine_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"served_on" date NOT NULL,
	"document_id" uuid,
	"document_number" text,
	"overdue_fen" bigint,
	"outstanding_fen" bigint,
	"note" text,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_fine_reminders" ADD CONSTRAINT "case_fine_reminders_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "case_fine_reminders" ADD CONSTRAINT "case_fine_reminders_document_id_case_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."case_documents"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "case_fine_reminders_case_idx" ON "case_fine_reminders" USING btree ("case_id","served_on");
--> statement-breakpoint
CREATE UNIQUE INDEX "case_fine_reminders_document_idx" ON "case_fine_reminders" USING btree ("document_id");
--> statement-breakpoint
INSERT INTO "case_fine_reminders" ("case_id", "territory", "served_on", "note", "recorded_by_name", "created_at")
SELECT "case_id", "territory", "reminder_served_on", "reminder_note", coalesce("reminder_recorded_by_name", ''), "updated_at"
FROM "case_fine_enforcement" WHERE "reminder_served_on" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "case_fine_enforcement" DROP COLUMN "reminder_served_on";
--> statement-breakpoint
ALTER TABLE "case_fine_enforcement" DROP COLUMN "reminder_note";
--> statement-breakpoint
ALTER TABLE "case_fine_enforcement" DROP COLUMN "reminder_recorded_by_name";
--> statement-breakpoint
-- 安全生产法 第一百一十三条第一款 (issue 15 item 6): a case may carry a proposal under each of the four items; the
-- facts the head wrote for items (二) to (四) are kept with it.
ALTER TABLE "case_closure_proposals" DROP CONSTRAINT "case_closure_proposals_case_idx";
--> statement-breakpoint
ALTER TABLE "case_closure_proposals" ADD COLUMN "facts" jsonb;
--> statement-breakpoint
CREATE UNIQUE INDEX "case_closure_proposals_case_item_idx" ON "case_closure_proposals" USING btree ("case_id","item");
