-- LocalFlow schema version 27 (sqlite): retention rules an administrator sets per record kind (issue 14, item 12)
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests.

CREATE TABLE "retention_rules" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_retention_rules" PRIMARY KEY AUTOINCREMENT,
    "kind" INTEGER NOT NULL,
    "keep_years" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "changed_by" TEXT NOT NULL,
    "changed_utc" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ix_retention_rules_kind" ON "retention_rules" ("kind");
