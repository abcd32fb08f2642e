-- LocalFlow schema version 37 (sqlite): two people may change one commissioning group or member at once (issue 13),
-- so each carries a version for optimistic concurrency and says who changed it last.
-- Written by hand after `localflow schema script --provider sqlite`, then checked by SchemaTests. Depends on version 23.

ALTER TABLE "commissioning_groups" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "commissioning_groups" ADD COLUMN "updated_by" TEXT NOT NULL DEFAULT '';
ALTER TABLE "group_members" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "group_members" ADD COLUMN "updated_by" TEXT NOT NULL DEFAULT '';
