-- LocalFlow schema version 29 (sqlite): the redesign programme's resource database — money by partner and purpose,
-- buildings and assets, what the workforce is missing — and its needs database, with a commissioning question's need.
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests.

ALTER TABLE "commissioning_questions" ADD COLUMN "need_id" TEXT NULL;

CREATE TABLE "resource_buildings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_resource_buildings" PRIMARY KEY,
    "locality_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "owner" INTEGER NOT NULL,
    "place" TEXT NOT NULL,
    "opening_hours" TEXT NOT NULL,
    "capacity" INTEGER NULL,
    "used_by" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    CONSTRAINT "fk_resource_buildings_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "resource_money" (
    "id" TEXT NOT NULL CONSTRAINT "pk_resource_money" PRIMARY KEY,
    "locality_id" INTEGER NOT NULL,
    "partner" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "price_year" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_utc" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_resource_money_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "workforce_gaps" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_workforce_gaps" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "agency_id" INTEGER NULL,
    "skill" TEXT NOT NULL,
    "people" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    CONSTRAINT "fk_workforce_gaps_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_workforce_gaps_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "needs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_needs" PRIMARY KEY,
    "locality_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "who" INTEGER NOT NULL,
    "area" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "evidence_kind" INTEGER NOT NULL,
    "evidence" TEXT NOT NULL,
    "demand_study_id" INTEGER NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_utc" TEXT NOT NULL,
    CONSTRAINT "fk_needs_demand_studies_demand_study_id" FOREIGN KEY ("demand_study_id") REFERENCES "demand_studies" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_needs_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_commissioning_questions_locality_id_need_id" ON "commissioning_questions" ("locality_id", "need_id");

CREATE INDEX "ix_needs_demand_study_id" ON "needs" ("demand_study_id");

CREATE INDEX "ix_needs_locality_id_who" ON "needs" ("locality_id", "who");

CREATE INDEX "ix_resource_buildings_locality_id_name" ON "resource_buildings" ("locality_id", "name");

CREATE INDEX "ix_resource_money_locality_id_partner" ON "resource_money" ("locality_id", "partner");

CREATE INDEX "ix_workforce_gaps_agency_id" ON "workforce_gaps" ("agency_id");

CREATE INDEX "ix_workforce_gaps_locality_id" ON "workforce_gaps" ("locality_id");
