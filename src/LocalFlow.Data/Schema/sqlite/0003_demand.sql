-- LocalFlow schema version 3 (sqlite): demand studies, types that emerge, demands in the person's words, corrections
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests.

CREATE TABLE "demand_studies" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_demand_studies" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "service" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NULL,
    "team_id" INTEGER NULL,
    "study_team" TEXT NOT NULL,
    "predictable_level" REAL NOT NULL,
    "started_with_ready_made_types" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    CONSTRAINT "fk_demand_studies_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_demand_studies_teams_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL
);

CREATE TABLE "demand_study_front_doors" (
    "study_id" INTEGER NOT NULL,
    "front_door_id" INTEGER NOT NULL,
    CONSTRAINT "pk_demand_study_front_doors" PRIMARY KEY ("study_id", "front_door_id"),
    CONSTRAINT "fk_demand_study_front_doors_demand_studies_study_id" FOREIGN KEY ("study_id") REFERENCES "demand_studies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_demand_study_front_doors_front_doors_front_door_id" FOREIGN KEY ("front_door_id") REFERENCES "front_doors" ("id") ON DELETE CASCADE
);

CREATE TABLE "demand_types" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_demand_types" PRIMARY KEY AUTOINCREMENT,
    "study_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "nature" INTEGER NOT NULL,
    "merged_into_id" INTEGER NULL,
    "ready_made" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_demand_types_demand_studies_study_id" FOREIGN KEY ("study_id") REFERENCES "demand_studies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_demand_types_demand_types_merged_into_id" FOREIGN KEY ("merged_into_id") REFERENCES "demand_types" ("id") ON DELETE RESTRICT
);

CREATE TABLE "demand_type_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_demand_type_changes" PRIMARY KEY AUTOINCREMENT,
    "type_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "demands_moved" INTEGER NOT NULL,
    CONSTRAINT "fk_demand_type_changes_demand_types_type_id" FOREIGN KEY ("type_id") REFERENCES "demand_types" ("id") ON DELETE CASCADE
);

CREATE TABLE "demands" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "study_id" INTEGER NOT NULL,
    "front_door_id" INTEGER NOT NULL,
    "channel" INTEGER NOT NULL,
    "received_at" TEXT NOT NULL,
    "verbatim" TEXT NOT NULL,
    "what_they_wanted" TEXT NOT NULL,
    "nature" INTEGER NOT NULL,
    "failure_kind" INTEGER NULL,
    "failure_other" TEXT NULL,
    "type_id" INTEGER NULL,
    "outcome" INTEGER NOT NULL,
    "referred_to" TEXT NULL,
    "life_context" TEXT NULL,
    "captured_by" TEXT NOT NULL,
    "captured_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "pk_demands" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_demands_demand_studies_study_id" FOREIGN KEY ("study_id") REFERENCES "demand_studies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_demands_demand_types_type_id" FOREIGN KEY ("type_id") REFERENCES "demand_types" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_demands_front_doors_front_door_id" FOREIGN KEY ("front_door_id") REFERENCES "front_doors" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_demands_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "demand_corrections" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "demand_id" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    CONSTRAINT "pk_demand_corrections" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_demand_corrections_demands_locality_id_demand_id" FOREIGN KEY ("locality_id", "demand_id") REFERENCES "demands" ("locality_id", "id") ON DELETE CASCADE,
    CONSTRAINT "fk_demand_corrections_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_demand_corrections_locality_id_demand_id" ON "demand_corrections" ("locality_id", "demand_id");

CREATE INDEX "ix_demand_studies_locality_id_starts_on" ON "demand_studies" ("locality_id", "starts_on");

CREATE INDEX "ix_demand_studies_team_id" ON "demand_studies" ("team_id");

CREATE INDEX "ix_demand_study_front_doors_front_door_id" ON "demand_study_front_doors" ("front_door_id");

CREATE INDEX "ix_demand_type_changes_type_id" ON "demand_type_changes" ("type_id");

CREATE INDEX "ix_demand_types_merged_into_id" ON "demand_types" ("merged_into_id");

CREATE INDEX "ix_demand_types_study_id_name" ON "demand_types" ("study_id", "name");

CREATE INDEX "ix_demands_front_door_id" ON "demands" ("front_door_id");

CREATE INDEX "ix_demands_locality_id_study_id_received_at" ON "demands" ("locality_id", "study_id", "received_at");

CREATE INDEX "ix_demands_study_id_type_id" ON "demands" ("study_id", "type_id");

CREATE INDEX "ix_demands_type_id" ON "demands" ("type_id");
