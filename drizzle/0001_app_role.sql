-- Requests run as this role (SET LOCAL ROLE inside each transaction), never as the owner of the tables,
-- so that row-level security policies apply on PGlite (superuser) and on a server alike.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'casusregie_app') THEN
    CREATE ROLE casusregie_app NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
GRANT casusregie_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO casusregie_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO casusregie_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO casusregie_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO casusregie_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO casusregie_app;
--> statement-breakpoint
-- Reference data is maintained by administrators through the app's system transactions only.
REVOKE INSERT, UPDATE, DELETE ON safety_regions FROM casusregie_app;
