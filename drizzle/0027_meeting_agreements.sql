-- Agreements born in the casusoverleg: the meeting they were made in (next to the agenda item), the meeting
-- they were closed in, and why one was not done. The stuurgroep needs to tell "no longer possible because
-- circumstances changed" apart from "the partner did not carry it out"; both are counted per partner.
CREATE TYPE agreement_close_reason AS ENUM ('niet_meer_mogelijk', 'niet_uitgevoerd');
--> statement-breakpoint
ALTER TABLE agreements ADD COLUMN meeting_id uuid REFERENCES meetings(id);
--> statement-breakpoint
ALTER TABLE agreements ADD COLUMN closed_in_meeting_id uuid REFERENCES meetings(id);
--> statement-breakpoint
ALTER TABLE agreements ADD COLUMN close_reason agreement_close_reason;
--> statement-breakpoint
ALTER TABLE agreements ADD COLUMN close_note text;
--> statement-breakpoint
-- The items already linked to an agenda item get that item's meeting.
UPDATE agreements a SET meeting_id = i.meeting_id FROM agenda_items i WHERE i.id = a.agenda_item_id AND a.meeting_id IS NULL;
--> statement-breakpoint
CREATE INDEX agreements_meeting_idx ON agreements (meeting_id) WHERE meeting_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX agreements_closed_in_meeting_idx ON agreements (closed_in_meeting_id) WHERE closed_in_meeting_id IS NOT NULL;
--> statement-breakpoint
-- The steering view gains the reason category (no note: free text stays out of the facts).
CREATE OR REPLACE VIEW agreement_facts AS
  SELECT id, case_id, owner_organisation_id, status, due_date, original_due_date, due_date_moves,
         created_at, completed_at, blocked_at, last_progress_at, close_reason
  FROM agreements
  WHERE (SELECT app_user_role() IN ('manager', 'regisseur'));
