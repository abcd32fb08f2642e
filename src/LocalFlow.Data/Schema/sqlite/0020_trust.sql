-- LocalFlow schema version 20 (sqlite): sessions that end (security stamp), sign-in lockout, the hash-chained audit and its anchors
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests. Depends on version 1 (users, audit_events).
-- See docs/trust.md.

ALTER TABLE "users" ADD COLUMN "security_stamp" TEXT NOT NULL DEFAULT '';
ALTER TABLE "users" ADD COLUMN "locked_until" TEXT NULL;

ALTER TABLE "audit_events" ADD COLUMN "previous_hash" TEXT NULL;
ALTER TABLE "audit_events" ADD COLUMN "hash" TEXT NULL;
CREATE UNIQUE INDEX "ix_audit_events_previous_hash" ON "audit_events" ("previous_hash");

CREATE TABLE "audit_anchors" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_anchors" PRIMARY KEY AUTOINCREMENT,
    "audit_event_id" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "checked" INTEGER NOT NULL
);
CREATE INDEX "ix_audit_anchors_audit_event_id" ON "audit_anchors" ("audit_event_id");

-- INSERT OR REPLACE (and upsert) over an existing entry deletes it without firing the delete trigger (SQLite fires
-- delete triggers for REPLACE only with recursive_triggers on, which a tamperer's connection will not set), so an
-- insert that would meet an existing id or predecessor is refused before it can replace anything.
CREATE TRIGGER "audit_events_no_replace" BEFORE INSERT ON "audit_events"
WHEN EXISTS (SELECT 1 FROM "audit_events" WHERE "id" = NEW."id" OR "previous_hash" = NEW."previous_hash")
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

CREATE TRIGGER "audit_anchors_no_update" BEFORE UPDATE ON "audit_anchors"
BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END;

CREATE TRIGGER "audit_anchors_no_delete" BEFORE DELETE ON "audit_anchors"
BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END;

CREATE TRIGGER "audit_anchors_no_replace" BEFORE INSERT ON "audit_anchors"
WHEN EXISTS (SELECT 1 FROM "audit_anchors" WHERE "id" = NEW."id")
BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END;
