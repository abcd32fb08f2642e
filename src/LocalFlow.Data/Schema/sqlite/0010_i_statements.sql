-- LocalFlow schema version 10 (sqlite): I statements in the person's words, their 0-10 scores at dated conversations, and recordings of a person's plan
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests. Depends on version 2 (people, households) only.

CREATE TABLE "person_statements" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "person_id" TEXT NULL,
    "household_id" TEXT NULL,
    "words" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "added_on" TEXT NOT NULL,
    "added_by" TEXT NOT NULL,
    "removed_utc" TEXT NULL,
    "removed_by" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "pk_person_statements" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_person_statements_households_locality_id_household_id" FOREIGN KEY ("locality_id", "household_id") REFERENCES "households" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_person_statements_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_person_statements_people_locality_id_person_id" FOREIGN KEY ("locality_id", "person_id") REFERENCES "people" ("locality_id", "id") ON DELETE RESTRICT
);

CREATE TABLE "plan_recordings" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "person_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_utc" TEXT NOT NULL,
    "removed_utc" TEXT NULL,
    "removed_by" TEXT NULL,
    CONSTRAINT "pk_plan_recordings" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_plan_recordings_people_locality_id_person_id" FOREIGN KEY ("locality_id", "person_id") REFERENCES "people" ("locality_id", "id") ON DELETE RESTRICT
);

CREATE TABLE "statement_scores" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "statement_id" TEXT NOT NULL,
    "scored_on" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_utc" TEXT NOT NULL,
    CONSTRAINT "pk_statement_scores" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_statement_scores_person_statements_locality_id_statement_id" FOREIGN KEY ("locality_id", "statement_id") REFERENCES "person_statements" ("locality_id", "id") ON DELETE RESTRICT
);

CREATE TABLE "plan_recording_contents" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "content" BLOB NOT NULL,
    CONSTRAINT "pk_plan_recording_contents" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_plan_recording_contents_plan_recordings_locality_id_id" FOREIGN KEY ("locality_id", "id") REFERENCES "plan_recordings" ("locality_id", "id") ON DELETE RESTRICT
);

CREATE INDEX "ix_person_statements_locality_id_household_id" ON "person_statements" ("locality_id", "household_id");

CREATE INDEX "ix_person_statements_locality_id_person_id" ON "person_statements" ("locality_id", "person_id");

CREATE INDEX "ix_plan_recordings_locality_id_person_id" ON "plan_recordings" ("locality_id", "person_id");

CREATE UNIQUE INDEX "ix_statement_scores_locality_id_statement_id_scored_on" ON "statement_scores" ("locality_id", "statement_id", "scored_on");
