-- Issue 10 item 4: integrity in the database. Written for a database that already holds records: the data is
-- mapped first, then the constraints are added.
--
-- One lifecycle column for an inspection: `status` and `stage` are merged into `stage` (the domain's state
-- machine, domain/src/inspection/lifecycle.ts); the coarse status is read from it (status.ts). Where the two
-- disagreed, the status wins: it is what the lists and counts showed. An inspection whose result was recorded
-- without the on-site steps (status 'completed' at an open stage) gets the stage 'completed'.
UPDATE "inspections" SET "stage" = 'completed'
  WHERE "status" = 'completed' AND "stage" NOT IN ('concluded', 'closed', 'closed_without_visit', 'completed');--> statement-breakpoint
UPDATE "inspections" SET "stage" = 'cancelled' WHERE "status" = 'cancelled' AND "stage" <> 'cancelled';--> statement-breakpoint
UPDATE "inspections" SET "stage" = 'merged' WHERE "status" = 'merged' AND "stage" <> 'merged';--> statement-breakpoint
-- booleans as booleans: over_cap was 0 or 1
ALTER TABLE "inspections" ALTER COLUMN "over_cap" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "inspections" ALTER COLUMN "over_cap" SET DATA TYPE boolean USING "over_cap" <> 0;--> statement-breakpoint
ALTER TABLE "inspections" ALTER COLUMN "over_cap" SET DEFAULT false;--> statement-breakpoint
-- a foreign key on every reference; records are never deleted, so a referenced row may not be either
ALTER TABLE "enterprise_facts" ADD CONSTRAINT "enterprise_facts_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_changes" ADD CONSTRAINT "grade_changes_run_id_regrade_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."regrade_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_plans" ADD CONSTRAINT "monthly_plans_unit_id_organisations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_merged_into_id_inspections_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_subject_organisation_id_organisations_id_fk" FOREIGN KEY ("subject_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_decisions" ADD CONSTRAINT "merge_decisions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_decisions" ADD CONSTRAINT "merge_decisions_into_id_inspections_id_fk" FOREIGN KEY ("into_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_entries" ADD CONSTRAINT "checklist_entries_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_entries" ADD CONSTRAINT "checklist_entries_supersedes_checklist_entries_id_fk" FOREIGN KEY ("supersedes") REFERENCES "public"."checklist_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_documents" ADD CONSTRAINT "inspection_documents_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_documents" ADD CONSTRAINT "inspection_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_documents" ADD CONSTRAINT "inspection_documents_subject_id_rectification_orders_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."rectification_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onsite_plans" ADD CONSTRAINT "onsite_plans_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_ratings" ADD CONSTRAINT "visit_ratings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" DROP COLUMN "status";--> statement-breakpoint
-- every status, kind, role and type column holds one of the values the code knows (the domain's lists)
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'enterprise', 'expert', 'social_supervisor', 'admin'));--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_kind_check" CHECK ("organisations"."kind" in ('bureau', 'internal_unit', 'entrusted', 'department', 'coordination_body', 'intermediary'));--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_department_type_check" CHECK ("organisations"."department_type" in ('public_security', 'housing', 'transport', 'market_regulation', 'meteorology', 'fire_rescue'));--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_status_check" CHECK ("certificates"."status" in ('valid', 'suspended', 'revoked'));--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_scale_check" CHECK ("enterprises"."scale" in ('large', 'medium', 'small', 'micro'));--> statement-breakpoint
ALTER TABLE "enterprise_facts" ADD CONSTRAINT "enterprise_facts_kind_check" CHECK ("enterprise_facts"."kind" in ('accident', 'penalty', 'violation', 'standardisation', 'safety_credit_grade', 'overdue_major_hidden_danger', 'joint_credit_punishment', 'special_processes', 'designated_new_sector'));--> statement-breakpoint
ALTER TABLE "enterprise_grades" ADD CONSTRAINT "enterprise_grades_class_check" CHECK ("enterprise_grades"."class" in ('key', 'general'));--> statement-breakpoint
ALTER TABLE "enterprise_grades" ADD CONSTRAINT "enterprise_grades_risk_grade_check" CHECK ("enterprise_grades"."risk_grade" in ('blue', 'yellow', 'orange', 'red'));--> statement-breakpoint
ALTER TABLE "enterprise_grades" ADD CONSTRAINT "enterprise_grades_enforcement_level_check" CHECK ("enterprise_grades"."enforcement_level" in ('city_organised', 'county'));--> statement-breakpoint
ALTER TABLE "grade_changes" ADD CONSTRAINT "grade_changes_trigger_check" CHECK ("grade_changes"."trigger" in ('fact', 'registry', 'regrade', 'seed'));--> statement-breakpoint
ALTER TABLE "regrade_runs" ADD CONSTRAINT "regrade_runs_kind_check" CHECK ("regrade_runs"."kind" in ('nightly', 'manual', 'seed'));--> statement-breakpoint
ALTER TABLE "regrade_runs" ADD CONSTRAINT "regrade_runs_status_check" CHECK ("regrade_runs"."status" in ('running', 'done', 'failed', 'skipped'));--> statement-breakpoint
ALTER TABLE "guide_list_entries" ADD CONSTRAINT "guide_list_entries_class_check" CHECK ("guide_list_entries"."class" in ('key', 'general'));--> statement-breakpoint
ALTER TABLE "guide_list_entries" ADD CONSTRAINT "guide_list_entries_enforcement_level_check" CHECK ("guide_list_entries"."enforcement_level" in ('city_organised', 'county'));--> statement-breakpoint
ALTER TABLE "guide_list_entries" ADD CONSTRAINT "guide_list_entries_origin_check" CHECK ("guide_list_entries"."origin" in ('rule', 'manual'));--> statement-breakpoint
ALTER TABLE "guide_lists" ADD CONSTRAINT "guide_lists_status_check" CHECK ("guide_lists"."status" in ('draft', 'approved', 'published'));--> statement-breakpoint
ALTER TABLE "annual_plans" ADD CONSTRAINT "annual_plans_status_check" CHECK ("annual_plans"."status" in ('draft', 'submitted', 'approved', 'filed', 'published', 'superseded'));--> statement-breakpoint
ALTER TABLE "monthly_plans" ADD CONSTRAINT "monthly_plans_status_check" CHECK ("monthly_plans"."status" in ('draft', 'submitted', 'approved', 'filed', 'published', 'superseded'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('monthly_plan_due', 'draw_results_due', 'rectification_escalated'));--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_status_check" CHECK ("draws"."status" in ('frozen', 'drawn', 'cancelled'));--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_kind_check" CHECK ("inspections"."kind" in ('key', 'double_random', 'targeted', 'other'));--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_stage_check" CHECK ("inspections"."stage" in ('planned', 'remote_check', 'plan_drafted', 'plan_submitted', 'plan_approved', 'notified', 'checked_in', 'findings_recorded', 'concluded', 'closed', 'closed_without_visit', 'cancelled', 'merged', 'completed'));--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_department_type_check" CHECK ("inspections"."department_type" in ('public_security', 'housing', 'transport', 'market_regulation', 'meteorology', 'fire_rescue'));--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_trigger_check" CHECK ("inspections"."trigger" in ('special_campaign', 'emergency', 'complaint_or_report', 'referral', 'platform_monitoring'));--> statement-breakpoint
ALTER TABLE "merge_decisions" ADD CONSTRAINT "merge_decisions_decision_check" CHECK ("merge_decisions"."decision" in ('merged', 'declined'));--> statement-breakpoint
ALTER TABLE "checklist_entries" ADD CONSTRAINT "checklist_entries_outcome_check" CHECK ("checklist_entries"."outcome" in ('conforming', 'finding', 'not_applicable'));--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_type_check" CHECK ("document_counters"."type" in ('onsite_plan', 'inspection_notice', 'inspection_record', 'rectification_order', 'rectification_review'));--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_kind_check" CHECK ("evidence_files"."kind" in ('photo', 'signature', 'proof', 'document'));--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_status_check" CHECK ("findings"."status" in ('open', 'fixed_on_spot', 'ordered'));--> statement-breakpoint
ALTER TABLE "inspection_documents" ADD CONSTRAINT "inspection_documents_type_check" CHECK ("inspection_documents"."type" in ('onsite_plan', 'inspection_notice', 'inspection_record', 'rectification_order', 'rectification_review'));--> statement-breakpoint
ALTER TABLE "onsite_plans" ADD CONSTRAINT "onsite_plans_status_check" CHECK ("onsite_plans"."status" in ('draft', 'submitted', 'approved', 'rejected'));--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_status_check" CHECK ("rectification_orders"."status" in ('issued', 'proof_submitted', 'rectified', 'failed', 'escalated', 'closed_without_rectification'));