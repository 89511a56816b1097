-- 行政处罚法 第四十八条第二款 (issue 15 item 10): a published decision varied, revoked, held unlawful or void is withdrawn
ALTER TABLE "penalty_publications" ADD COLUMN "withdrawn_on" date;
--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD COLUMN "withdrawal_ground" text;
--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD COLUMN "withdrawal_ground_on" date;
--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD COLUMN "withdrawal_due" date;
--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD COLUMN "withdrawal_reason" text;
--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD COLUMN "withdrawn_by_name" text;
--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD CONSTRAINT "penalty_publications_withdrawal_ground_check" CHECK ("penalty_publications"."withdrawal_ground" in ('varied', 'revoked', 'unlawful', 'void'));
