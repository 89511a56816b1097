-- Issue 16 item 10: cheaper storage for the rows ingestion changes in every batch. Triage updates the open incidents
-- of a batch's points (count, last alarm, summary, level, priority: no indexed column) and every point's last report:
-- with room left in their pages PostgreSQL updates them in place (HOT), without a new entry in each of their indexes.
ALTER TABLE "monitoring_incidents" SET (fillfactor = 70);--> statement-breakpoint
ALTER TABLE "monitoring_points" SET (fillfactor = 50);--> statement-breakpoint
-- nothing reads it that the (enterprise_id, state, closed_at) index does not serve: it only cost every new incident
-- one more index entry
DROP INDEX IF EXISTS "monitoring_incidents_enterprise_idx";
--> statement-breakpoint
-- Issue 16 item 4: when each event was written (the database's time, as the trigger writes it), so the minute scan
-- can trim the events older than the stream's resume window
ALTER TABLE "monitoring_incident_events" ADD COLUMN "at" timestamp with time zone DEFAULT now() NOT NULL;
