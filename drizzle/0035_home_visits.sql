-- The home page as a work queue (issue 15): "blocked since your last visit" needs to know when the user last
-- looked. One row per user: the session in which the home page was last seen, when, and when it was seen in
-- the session before (the marker). Reloading the page within a session does not move the marker.
CREATE TABLE "home_visits" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"previous_seen_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Private to the user: nobody else learns when someone looked at their queue.
ALTER TABLE home_visits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY home_visits_own ON home_visits FOR ALL TO casusregie_app
  USING (user_id = (SELECT app_user_id()))
  WITH CHECK (user_id = (SELECT app_user_id()));
