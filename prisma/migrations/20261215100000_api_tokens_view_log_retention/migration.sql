-- pgcrypto: hmac() for the set-based pseudonyms of the retention job (lib/privacy/pseudonyms.ts).
CREATE EXTENSION IF NOT EXISTS pgcrypto;
-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "office_code" TEXT,
    "pseudonym_purpose" TEXT,
    "rate_limit_per_minute" INTEGER NOT NULL DEFAULT 60,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "view_log" (
    "id" BIGSERIAL NOT NULL,
    "viewed_at" TIMESTAMPTZ(3) NOT NULL,
    "officer_id" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "viewer_user_id" TEXT,
    "viewer_token_id" TEXT,
    "viewer_label" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,

    CONSTRAINT "view_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "retention_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "declaration_data_days" INTEGER,
    "declaration_action" TEXT NOT NULL DEFAULT 'pseudonymise',
    "view_log_days" INTEGER,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "retention_settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_name_key" ON "api_tokens"("name");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "view_log_event_id_key" ON "view_log"("event_id");

-- CreateIndex
CREATE INDEX "view_log_officer_id_viewed_at_idx" ON "view_log"("officer_id", "viewed_at");

-- CreateIndex
CREATE INDEX "view_log_viewed_at_idx" ON "view_log"("viewed_at");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_office_code_fkey" FOREIGN KEY ("office_code") REFERENCES "offices"("office_code") ON DELETE SET NULL ON UPDATE CASCADE;

