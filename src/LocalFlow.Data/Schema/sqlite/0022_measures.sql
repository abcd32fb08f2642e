-- LocalFlow schema version 22 (sqlite): saved purpose measures and the experiments watched on them
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests. Depends on versions 1 (localities, agencies).

CREATE TABLE "saved_measures" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_saved_measures" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "counts" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "from_date" TEXT NOT NULL,
    "agency_id" INTEGER NULL,
    "definition" TEXT NOT NULL,
    "improvement" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_by" TEXT NULL,
    "updated_utc" TEXT NOT NULL,
    CONSTRAINT "fk_saved_measures_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_saved_measures_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "experiments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_experiments" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "measure_id" INTEGER NOT NULL,
    "change" TEXT NOT NULL,
    "for_whom" TEXT NOT NULL,
    "started_on" TEXT NOT NULL,
    "learned" TEXT NULL,
    "became_normal" INTEGER NOT NULL,
    "recorded_by" TEXT NULL,
    "recorded_utc" TEXT NOT NULL,
    CONSTRAINT "fk_experiments_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_experiments_saved_measures_measure_id" FOREIGN KEY ("measure_id") REFERENCES "saved_measures" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_experiments_locality_id" ON "experiments" ("locality_id");

CREATE INDEX "ix_experiments_measure_id_started_on" ON "experiments" ("measure_id", "started_on");

CREATE INDEX "ix_saved_measures_agency_id" ON "saved_measures" ("agency_id");

CREATE UNIQUE INDEX "ix_saved_measures_locality_id_name" ON "saved_measures" ("locality_id", "name");
