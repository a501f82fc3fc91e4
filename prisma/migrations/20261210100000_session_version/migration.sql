-- Sessions carry the version their user had at sign-in; bumping it ends every open session of that user at once
-- (sign-out, password reset, deactivation, access change, an administrator's "end sessions").
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- The audit page filters by date, action and who acted.
CREATE INDEX "audit_log_at_idx" ON "audit_log" ("at");
CREATE INDEX "audit_log_action_at_idx" ON "audit_log" ("action", "at");
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log" ("actor_id", "at");
