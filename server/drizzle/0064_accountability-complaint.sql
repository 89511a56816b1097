-- Issue 17 items 3 and 10 (measures 29, 30): an accountability record may name the complaint about enforcement it
-- was opened from (the complaint then lists the records opened from it). The free-text origin reference stays, so
-- the records drafted before keep what they said.
ALTER TABLE "accountability_records" ADD COLUMN "complaint_id" uuid REFERENCES "enforcement_complaints"("id");--> statement-breakpoint
CREATE INDEX "accountability_records_complaint_idx" ON "accountability_records" USING btree ("complaint_id");
