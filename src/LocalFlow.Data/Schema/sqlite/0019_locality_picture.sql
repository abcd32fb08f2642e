-- LocalFlow schema version 19 (sqlite): the locality picture's flag rules, the tier rule and the locality team's tier overrides
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests. Depends on versions 1 (localities) and 2 (households).

CREATE TABLE "flag_rules" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_flag_rules" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "agency" TEXT NULL,
    "team" TEXT NULL,
    "kind" INTEGER NULL,
    "type" TEXT NULL,
    "updated_by" TEXT NULL,
    "updated_utc" TEXT NOT NULL,
    CONSTRAINT "fk_flag_rules_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "tier_rules" (
    "locality_id" INTEGER NOT NULL CONSTRAINT "pk_tier_rules" PRIMARY KEY,
    "serious_flags" INTEGER NOT NULL,
    "serious_services" INTEGER NOT NULL,
    "either_way_flags" INTEGER NOT NULL,
    "either_way_services" INTEGER NOT NULL,
    "updated_by" TEXT NULL,
    "updated_utc" TEXT NOT NULL,
    CONSTRAINT "fk_tier_rules_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "tier_overrides" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "household_id" TEXT NOT NULL,
    "tier" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "set_by" TEXT NULL,
    "set_utc" TEXT NOT NULL,
    CONSTRAINT "pk_tier_overrides" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_tier_overrides_households_locality_id_household_id" FOREIGN KEY ("locality_id", "household_id") REFERENCES "households" ("locality_id", "id") ON DELETE CASCADE,
    CONSTRAINT "fk_tier_overrides_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_flag_rules_locality_id_position" ON "flag_rules" ("locality_id", "position");

CREATE UNIQUE INDEX "ix_tier_overrides_locality_id_household_id" ON "tier_overrides" ("locality_id", "household_id");
