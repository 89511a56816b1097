-- 令第11号 (issue 15 item 10): the bureau's decision on a proposed listing on the serious-dishonesty list
CREATE TABLE "serious_dishonesty_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"enterprise_id" uuid,
	"enterprise_name" text NOT NULL,
	"credit_code" text,
	"criterion_code" text NOT NULL,
	"criterion" text NOT NULL,
	"recommendation" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"recommended_by" uuid NOT NULL,
	"recommended_by_name" text NOT NULL,
	"decided_by_name" text,
	"decision_note" text,
	"listed_on" date,
	"ends_on" date,
	"removed_on" date,
	"removal_reason" text,
	"removed_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "serious_dishonesty_listings_status_check" CHECK ("serious_dishonesty_listings"."status" in ('recommended', 'listed', 'not_listed', 'removed')),
	CONSTRAINT "serious_dishonesty_listings_recommendation_check" CHECK ("serious_dishonesty_listings"."recommendation" in ('list', 'not_list'))
);
--> statement-breakpoint
ALTER TABLE "serious_dishonesty_listings" ADD CONSTRAINT "serious_dishonesty_listings_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "serious_dishonesty_listings_case_idx" ON "serious_dishonesty_listings" USING btree ("case_id");
--> statement-breakpoint
CREATE INDEX "serious_dishonesty_listings_public_idx" ON "serious_dishonesty_listings" USING btree ("status","ends_on");
