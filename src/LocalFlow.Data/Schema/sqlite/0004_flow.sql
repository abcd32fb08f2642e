-- LocalFlow schema version 4 (sqlite): flow study: activity records, imports, what mattered, signal settings
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests.

CREATE TABLE "flow_imports" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "source_system" TEXT NOT NULL,
    "agency_id" INTEGER NULL,
    "imported_by_user_id" INTEGER NULL,
    "imported_by" TEXT NOT NULL,
    "imported_utc" TEXT NOT NULL,
    "record_count" INTEGER NOT NULL,
    "skipped_count" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "undone_utc" TEXT NULL,
    "undone_by" TEXT NULL,
    CONSTRAINT "pk_flow_imports" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_flow_imports_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_flow_imports_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "flow_settings" (
    "locality_id" INTEGER NOT NULL CONSTRAINT "pk_flow_settings" PRIMARY KEY,
    "reentry_days" INTEGER NOT NULL,
    "repeat_assessment_days" INTEGER NOT NULL,
    "assess_refer_days" INTEGER NOT NULL,
    "ping_pong_days" INTEGER NOT NULL,
    "screened_out_return_days" INTEGER NOT NULL,
    "progress_chasing_days" INTEGER NOT NULL,
    "worker_chain_length" INTEGER NOT NULL,
    CONSTRAINT "fk_flow_settings_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "activity_records" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "person_id" TEXT NOT NULL,
    "household_id" TEXT NULL,
    "agency_id" INTEGER NOT NULL,
    "team_id" INTEGER NULL,
    "worker_id" INTEGER NULL,
    "kind" INTEGER NOT NULL,
    "subtype" TEXT NULL,
    "referred_to_agency_id" INTEGER NULL,
    "referred_to_team_id" INTEGER NULL,
    "start_utc" TEXT NOT NULL,
    "end_utc" TEXT NULL,
    "source_offset_minutes" INTEGER NULL,
    "source_system" TEXT NOT NULL,
    "source_record_id" TEXT NOT NULL,
    "text" TEXT NULL,
    "cost" TEXT NULL,
    "cost_from_catalogue" INTEGER NOT NULL,
    "helped" INTEGER NULL,
    "helped_reason" INTEGER NULL,
    "helped_note" TEXT NULL,
    "import_id" TEXT NULL,
    CONSTRAINT "pk_activity_records" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_activity_records_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_activity_records_flow_imports_locality_id_import_id" FOREIGN KEY ("locality_id", "import_id") REFERENCES "flow_imports" ("locality_id", "id"),
    CONSTRAINT "fk_activity_records_households_locality_id_household_id" FOREIGN KEY ("locality_id", "household_id") REFERENCES "households" ("locality_id", "id"),
    CONSTRAINT "fk_activity_records_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_activity_records_people_locality_id_person_id" FOREIGN KEY ("locality_id", "person_id") REFERENCES "people" ("locality_id", "id") ON DELETE CASCADE
);

CREATE TABLE "what_mattered" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "person_id" TEXT NOT NULL,
    "in_their_words" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "cost" TEXT NOT NULL,
    "price_year" INTEGER NULL,
    "asked_on" TEXT NOT NULL,
    CONSTRAINT "pk_what_mattered" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_what_mattered_people_locality_id_person_id" FOREIGN KEY ("locality_id", "person_id") REFERENCES "people" ("locality_id", "id") ON DELETE CASCADE
);

CREATE INDEX "ix_activity_records_agency_id" ON "activity_records" ("agency_id");

CREATE INDEX "ix_activity_records_locality_id_household_id" ON "activity_records" ("locality_id", "household_id");

CREATE INDEX "ix_activity_records_locality_id_import_id" ON "activity_records" ("locality_id", "import_id");

CREATE INDEX "ix_activity_records_locality_id_person_id_start_utc" ON "activity_records" ("locality_id", "person_id", "start_utc");

CREATE UNIQUE INDEX "ix_activity_records_locality_id_source_system_source_record_id" ON "activity_records" ("locality_id", "source_system", "source_record_id");

CREATE INDEX "ix_flow_imports_agency_id" ON "flow_imports" ("agency_id");

CREATE INDEX "ix_flow_imports_locality_id_imported_utc" ON "flow_imports" ("locality_id", "imported_utc");

CREATE INDEX "ix_what_mattered_locality_id_person_id" ON "what_mattered" ("locality_id", "person_id");
