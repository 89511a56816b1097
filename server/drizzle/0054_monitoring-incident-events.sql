-- issue 16 item 4: every committed change of an incident, numbered in commit order, for the officers' event stream
-- (Server-Sent Events, resumed with Last-Event-ID) and the unread count. A deferred trigger writes the event at
-- commit time under one transaction lock, so a later number is never visible before an earlier one, and wakes
-- every server instance with NOTIFY, which PostgreSQL delivers only when the transaction commits.
CREATE TABLE "monitoring_incident_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"territory" text NOT NULL,
	"change" text NOT NULL,
	"state" text NOT NULL,
	CONSTRAINT "monitoring_incident_events_change_check" CHECK ("monitoring_incident_events"."change" in ('opened', 'updated'))
);
--> statement-breakpoint
CREATE INDEX "monitoring_incident_events_incident_idx" ON "monitoring_incident_events" USING btree ("incident_id");
--> statement-breakpoint
-- what an officer has seen of the stream: the unread count is of the waiting incidents changed after it
CREATE TABLE "monitoring_read_marks" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_read_marks" ADD CONSTRAINT "monitoring_read_marks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE FUNCTION monitoring_incident_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('monitoring:incident-events'));
  INSERT INTO monitoring_incident_events (incident_id, territory, change, state)
  VALUES (NEW.id, NEW.territory, CASE WHEN TG_OP = 'INSERT' THEN 'opened' ELSE 'updated' END, NEW.state);
  PERFORM pg_notify('monitoring_incident_events', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- an incident opened, or one whose state, level or priority changed: a merged alarm that only counts one more is
-- not an event (a busy point would otherwise flood every officer's stream)
CREATE CONSTRAINT TRIGGER "monitoring_incidents_opened_event" AFTER INSERT ON "monitoring_incidents"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION monitoring_incident_event();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "monitoring_incidents_changed_event" AFTER UPDATE ON "monitoring_incidents"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.level IS DISTINCT FROM NEW.level
    OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.answer IS DISTINCT FROM NEW.answer)
  EXECUTE FUNCTION monitoring_incident_event();
