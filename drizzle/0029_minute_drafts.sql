-- Nothing typed is lost (issue 14): what a note-taker types in an agenda item's minutes and outcome is kept
-- as that author's draft until the item is saved. One draft per item per author; `base_version` is the item
-- version the author started from (the final save is refused with 409 when the item moved on since), and
-- `version` counts the draft's own saves (a stale tab cannot overwrite a newer draft of the same author).
CREATE TABLE "minute_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"minutes" text NOT NULL DEFAULT '',
	"outcome" text NOT NULL DEFAULT '',
	"base_version" integer NOT NULL,
	"version" integer NOT NULL DEFAULT 1,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "minute_drafts" ADD CONSTRAINT "minute_drafts_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minute_drafts" ADD CONSTRAINT "minute_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "minute_drafts_item_user_idx" ON "minute_drafts" USING btree ("agenda_item_id","user_id");--> statement-breakpoint
-- A draft is private to its author, and only regisseurs record minutes (lib/meetings/minute-drafts.ts).
ALTER TABLE minute_drafts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY minute_drafts_own ON minute_drafts FOR ALL TO casusregie_app
  USING (user_id = (SELECT app_user_id()) AND (SELECT app_user_role()) = 'regisseur')
  WITH CHECK (user_id = (SELECT app_user_id()) AND (SELECT app_user_role()) = 'regisseur');
