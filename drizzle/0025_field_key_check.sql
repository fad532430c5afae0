-- The key check (lib/crypto/key-check.ts): one value encrypted with the field keys. At start the app decrypts
-- it, so a FIELD_KEYS that cannot read this database (a restore with the wrong keys, a key dropped before
-- keys:rotate finished) stops start-up naming the missing key id, instead of serving while every sign-in
-- and every subject fails to decrypt. Written by the owner at start and by keys:rotate; the app role never
-- reads it. Not in db/schema.ts: only raw SQL touches it.
CREATE TABLE field_key_check (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  key_id text NOT NULL,
  value text NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
REVOKE ALL ON field_key_check FROM casusregie_app;
