-- The retention run tells no live meeting about what it clears (issue 17, item 6). Every agenda item and
-- agreement it rewrote fired the live-meeting triggers (drizzle/0028): per row a lookup of the meetings
-- showing it, an advisory lock, a meeting_events row and a NOTIFY. At 20,000 cases the first run wrote
-- 90,636 such events, half of its 19.6 s, for meetings that ended years before the cases' terms did
-- (measured with scripts/bench/retention-split.ts: 9.3 s without them). A transaction that sets
-- casusregie.live_events to 'off' (set_config(..., true): for that transaction only) skips the triggers
-- before they run; every other writer leaves it unset and is followed live as before.
DROP TRIGGER meeting_events_items ON agenda_items;
--> statement-breakpoint
CREATE TRIGGER meeting_events_items AFTER INSERT OR UPDATE OR DELETE ON agenda_items
  FOR EACH ROW WHEN (current_setting('casusregie.live_events', true) IS DISTINCT FROM 'off')
  EXECUTE FUNCTION meeting_events_on_item();
--> statement-breakpoint
DROP TRIGGER meeting_events_agreements ON agreements;
--> statement-breakpoint
CREATE TRIGGER meeting_events_agreements AFTER INSERT OR UPDATE ON agreements
  FOR EACH ROW WHEN (current_setting('casusregie.live_events', true) IS DISTINCT FROM 'off')
  EXECUTE FUNCTION meeting_events_on_agreement();
