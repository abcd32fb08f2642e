-- LocalFlow schema version 26 (sqlite): grants of access to people or restricted records wait for a second administrator (issue 14, item 8)
-- Written by hand after `localflow schema script --provider sqlite`, then checked by SchemaTests. Depends on version 1 (users). See docs/trust.md.

CREATE TABLE "access_grants" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_access_grants" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "requested_by_id" INTEGER NOT NULL,
    "requested_utc" TEXT NOT NULL,
    "roles" INTEGER NOT NULL,
    "may_see_restricted" INTEGER NOT NULL,
    "locality_ids" TEXT NOT NULL,
    "decision" INTEGER NOT NULL,
    "decided_by_id" INTEGER NULL,
    "decided_utc" TEXT NULL
);
CREATE INDEX "ix_access_grants_decision" ON "access_grants" ("decision");
