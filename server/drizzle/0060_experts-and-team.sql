-- Issue 17 items 6 and 7 (measures 14, 23, 25, 26): the expert database (fields, qualifications with their
-- validity, conflicts with enterprises), dispatches of an expert to an enterprise with the visit record, its
-- hidden dangers and the enterprise's rating; the team's qualifications the officers module lacks, training
-- courses and attendance, and the 执法能手 / 典型案例 selections with nominations and votes (one per voter).
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"user_id" uuid REFERENCES "users"("id"),
	"name" text NOT NULL,
	"employer" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "experts_territory_idx" ON "experts" USING btree ("territory");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user_idx" ON "experts" USING btree ("user_id");--> statement-breakpoint
CREATE TABLE "expert_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL REFERENCES "experts"("id"),
	"kind" text NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "expert_qualifications_period_check" CHECK ("valid_from" <= "valid_to")
);
--> statement-breakpoint
CREATE INDEX "expert_qualifications_expert_idx" ON "expert_qualifications" USING btree ("expert_id");--> statement-breakpoint
CREATE TABLE "expert_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL REFERENCES "experts"("id"),
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"reason" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "expert_conflicts_pair_idx" ON "expert_conflicts" USING btree ("expert_id","enterprise_id");--> statement-breakpoint
CREATE TABLE "expert_dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"enterprise_name" text NOT NULL,
	"origin" text NOT NULL,
	"finding_id" uuid REFERENCES "findings"("id"),
	"request" text DEFAULT '' NOT NULL,
	"requested_by_name" text,
	"requested_at" timestamp with time zone,
	"state" text NOT NULL,
	"expert_id" uuid REFERENCES "experts"("id"),
	"planned_on" date,
	"dispatched_by_id" uuid REFERENCES "users"("id"),
	"dispatched_by_name" text,
	"dispatched_at" timestamp with time zone,
	"decline_reason" text,
	"visited_on" date,
	"visit_note" text,
	"advice" text,
	"hazards" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visit_recorded_at" timestamp with time zone,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "expert_dispatches_origin_check" CHECK ("expert_dispatches"."origin" in ('finding', 'request')),
	CONSTRAINT "expert_dispatches_state_check" CHECK ("expert_dispatches"."state" in ('requested', 'dispatched', 'visited', 'rated', 'declined')),
	CONSTRAINT "expert_dispatches_rating_check" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE INDEX "expert_dispatches_territory_idx" ON "expert_dispatches" USING btree ("territory","state");--> statement-breakpoint
CREATE INDEX "expert_dispatches_enterprise_idx" ON "expert_dispatches" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "expert_dispatches_expert_idx" ON "expert_dispatches" USING btree ("expert_id");--> statement-breakpoint
CREATE TABLE "team_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"person_name" text NOT NULL,
	"officer_id" uuid REFERENCES "officers"("id"),
	"number" text DEFAULT '' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "team_qualifications_kind_check" CHECK ("team_qualifications"."kind" in ('registered_safety_engineer', 'legal_adviser', 'public_lawyer', 'technical_inspector', 'social_supervisor'))
);
--> statement-breakpoint
CREATE INDEX "team_qualifications_territory_idx" ON "team_qualifications" USING btree ("territory","kind");--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"organiser" text DEFAULT '' NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_courses_hours_check" CHECK ("hours" > 0)
);
--> statement-breakpoint
CREATE INDEX "training_courses_territory_idx" ON "training_courses" USING btree ("territory","held_on");--> statement-breakpoint
CREATE TABLE "training_attendances" (
	"course_id" uuid NOT NULL REFERENCES "training_courses"("id"),
	"officer_id" uuid NOT NULL REFERENCES "officers"("id"),
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_attendances_course_id_officer_id_pk" PRIMARY KEY("course_id","officer_id")
);
--> statement-breakpoint
CREATE TABLE "selections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"places" integer NOT NULL,
	"state" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_by_name" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "selections_kind_check" CHECK ("selections"."kind" in ('enforcement_expert', 'typical_case')),
	CONSTRAINT "selections_state_check" CHECK ("selections"."state" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE INDEX "selections_territory_idx" ON "selections" USING btree ("territory","year");--> statement-breakpoint
CREATE TABLE "selection_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"selection_id" uuid NOT NULL REFERENCES "selections"("id"),
	"nominee_user_id" uuid REFERENCES "users"("id"),
	"case_id" uuid REFERENCES "penalty_cases"("id"),
	"nominee_name" text NOT NULL,
	"reason" text NOT NULL,
	"nominated_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "selection_nominations_selection_idx" ON "selection_nominations" USING btree ("selection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_nominations_user_idx" ON "selection_nominations" USING btree ("selection_id","nominee_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_nominations_case_idx" ON "selection_nominations" USING btree ("selection_id","case_id");--> statement-breakpoint
CREATE TABLE "selection_votes" (
	"selection_id" uuid NOT NULL REFERENCES "selections"("id"),
	"voter_id" uuid NOT NULL REFERENCES "users"("id"),
	"nomination_id" uuid NOT NULL REFERENCES "selection_nominations"("id"),
	"voted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "selection_votes_selection_id_voter_id_pk" PRIMARY KEY("selection_id","voter_id")
);
