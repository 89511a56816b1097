-- Issue 18 item 4 (and issue 12 item 4): each distinct grading result is stored once, under its digest; a grade
-- row names its result instead of carrying a copy. The digest was always the hash of the result beside it.
CREATE TABLE "grade_results" (
	"digest" text PRIMARY KEY NOT NULL,
	"result" jsonb NOT NULL
);--> statement-breakpoint
INSERT INTO "grade_results" ("digest", "result") SELECT DISTINCT ON ("digest") "digest", "result" FROM "enterprise_grades" ORDER BY "digest";--> statement-breakpoint
ALTER TABLE "enterprise_grades" DROP COLUMN "result";--> statement-breakpoint
ALTER TABLE "enterprise_grades" ADD CONSTRAINT "enterprise_grades_digest_grade_results_digest_fk" FOREIGN KEY ("digest") REFERENCES "public"."grade_results"("digest") ON DELETE no action ON UPDATE no action;
