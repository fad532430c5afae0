-- Author snapshots. Progress entries, timeline lines and minutes showed the author's name (and a progress
-- entry the author's organisation) by joining users and organisations at display time, so one
-- PATCH /api/v1/me {"name": …} renamed the author of everything that person ever wrote. Each row now
-- keeps the names as they were when it was written; display reads these columns.
--
-- A BEFORE trigger fills a snapshot the writer left out (the NULL default lets it see that), so every
-- writer gets it: the app, the demo seed, the scale generator's COPY, tests that insert rows by hand.
-- NOT NULL is checked after the trigger. A writer that brings its own value (a data-only restore) keeps it.
CREATE FUNCTION staff_name(p_user uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT name FROM users WHERE id = p_user
$$;
--> statement-breakpoint
CREATE FUNCTION organisation_name(p_organisation uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT name FROM organisations WHERE id = p_organisation
$$;
--> statement-breakpoint
ALTER TABLE "agreement_actions" ADD COLUMN "author_name" text DEFAULT null;--> statement-breakpoint
ALTER TABLE "agreement_actions" ADD COLUMN "author_organisation_name" text DEFAULT null;--> statement-breakpoint
ALTER TABLE "agreement_due_changes" ADD COLUMN "changed_by_name" text DEFAULT null;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "created_by_name" text DEFAULT null;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "actor_name" text DEFAULT null;--> statement-breakpoint
ALTER TABLE "case_partners" ADD COLUMN "added_by_name" text DEFAULT null;--> statement-breakpoint
ALTER TABLE "case_partners" ADD COLUMN "ended_by_name" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "chair_name" text DEFAULT null;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "minute_taker_name" text;--> statement-breakpoint
-- Rows written before this migration: the names of today are the best there is.
UPDATE agreement_actions a SET author_name = u.name, author_organisation_name = o.name
  FROM users u, organisations o WHERE u.id = a.author_user_id AND o.id = a.author_organisation_id;--> statement-breakpoint
UPDATE agreement_due_changes d SET changed_by_name = u.name FROM users u WHERE u.id = d.changed_by_user_id;--> statement-breakpoint
UPDATE agreements a SET created_by_name = u.name FROM users u WHERE u.id = a.created_by_user_id;--> statement-breakpoint
UPDATE case_events e SET actor_name = u.name FROM users u WHERE u.id = e.actor_user_id;--> statement-breakpoint
UPDATE case_partners p SET added_by_name = staff_name(p.added_by_user_id), ended_by_name = staff_name(p.ended_by_user_id);--> statement-breakpoint
UPDATE meetings m SET chair_name = staff_name(m.chair_user_id), minute_taker_name = staff_name(m.minute_taker_user_id);--> statement-breakpoint
ALTER TABLE "agreement_actions" ALTER COLUMN "author_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_actions" ALTER COLUMN "author_organisation_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_due_changes" ALTER COLUMN "changed_by_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ALTER COLUMN "created_by_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "actor_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_partners" ALTER COLUMN "added_by_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "chair_name" SET NOT NULL;--> statement-breakpoint
CREATE FUNCTION snapshot_agreement_action_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.author_name := coalesce(NEW.author_name, staff_name(NEW.author_user_id));
  NEW.author_organisation_name := coalesce(NEW.author_organisation_name, organisation_name(NEW.author_organisation_id));
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agreement_actions_author_snapshot BEFORE INSERT ON agreement_actions
  FOR EACH ROW WHEN (NEW.author_name IS NULL OR NEW.author_organisation_name IS NULL)
  EXECUTE FUNCTION snapshot_agreement_action_author();
--> statement-breakpoint
CREATE FUNCTION snapshot_due_change_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_by_name := staff_name(NEW.changed_by_user_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agreement_due_changes_author_snapshot BEFORE INSERT ON agreement_due_changes
  FOR EACH ROW WHEN (NEW.changed_by_name IS NULL) EXECUTE FUNCTION snapshot_due_change_author();
--> statement-breakpoint
CREATE FUNCTION snapshot_agreement_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_by_name := staff_name(NEW.created_by_user_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agreements_author_snapshot BEFORE INSERT ON agreements
  FOR EACH ROW WHEN (NEW.created_by_name IS NULL) EXECUTE FUNCTION snapshot_agreement_author();
--> statement-breakpoint
CREATE FUNCTION snapshot_case_event_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.actor_name := staff_name(NEW.actor_user_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_actor_snapshot BEFORE INSERT ON case_events
  FOR EACH ROW WHEN (NEW.actor_name IS NULL) EXECUTE FUNCTION snapshot_case_event_actor();
--> statement-breakpoint
-- Ending a partnership is an update: the name of whoever ended it is taken then.
CREATE FUNCTION snapshot_case_partner_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.added_by_name := coalesce(NEW.added_by_name, staff_name(NEW.added_by_user_id));
    NEW.ended_by_name := coalesce(NEW.ended_by_name, staff_name(NEW.ended_by_user_id));
  ELSIF NEW.ended_by_user_id IS DISTINCT FROM OLD.ended_by_user_id THEN
    NEW.ended_by_name := staff_name(NEW.ended_by_user_id);
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_partners_name_snapshot_insert BEFORE INSERT ON case_partners
  FOR EACH ROW WHEN (NEW.added_by_name IS NULL OR (NEW.ended_by_user_id IS NOT NULL AND NEW.ended_by_name IS NULL))
  EXECUTE FUNCTION snapshot_case_partner_names();
--> statement-breakpoint
CREATE TRIGGER case_partners_name_snapshot_update BEFORE UPDATE OF ended_by_user_id ON case_partners
  FOR EACH ROW EXECUTE FUNCTION snapshot_case_partner_names();
--> statement-breakpoint
-- The minutes name their chair and minute taker: taken when they are chosen, again when they change.
CREATE FUNCTION snapshot_meeting_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.chair_name := coalesce(NEW.chair_name, staff_name(NEW.chair_user_id));
    NEW.minute_taker_name := coalesce(NEW.minute_taker_name, staff_name(NEW.minute_taker_user_id));
  ELSE
    IF NEW.chair_user_id IS DISTINCT FROM OLD.chair_user_id THEN
      NEW.chair_name := staff_name(NEW.chair_user_id);
    END IF;
    IF NEW.minute_taker_user_id IS DISTINCT FROM OLD.minute_taker_user_id THEN
      NEW.minute_taker_name := staff_name(NEW.minute_taker_user_id);
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER meetings_name_snapshot_insert BEFORE INSERT ON meetings
  FOR EACH ROW WHEN (NEW.chair_name IS NULL OR (NEW.minute_taker_user_id IS NOT NULL AND NEW.minute_taker_name IS NULL))
  EXECUTE FUNCTION snapshot_meeting_names();
--> statement-breakpoint
CREATE TRIGGER meetings_name_snapshot_update BEFORE UPDATE OF chair_user_id, minute_taker_user_id ON meetings
  FOR EACH ROW EXECUTE FUNCTION snapshot_meeting_names();
