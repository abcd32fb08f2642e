-- LocalFlow schema version 23 (sqlite): the redesign programme — vision and commissioning principles, commissioning groups
-- of staff and citizens, commissioning questions with their evidence, cost–benefit years and gateway decisions, and the
-- change jigsaw's answers. Written from `localflow schema script --provider sqlite`, then checked by SchemaTests.
-- Versions between 19 and 23 come from other branches; these tables do not depend on them.

CREATE TABLE "redesign_programmes" (
    "locality_id" INTEGER NOT NULL CONSTRAINT "pk_redesign_programmes" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "vision" TEXT NOT NULL,
    "principles" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_by" TEXT NULL,
    "updated_utc" TEXT NULL,
    CONSTRAINT "fk_redesign_programmes_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "commissioning_groups" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_commissioning_groups" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "remit" TEXT NOT NULL,
    CONSTRAINT "fk_commissioning_groups_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "group_members" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_group_members" PRIMARY KEY AUTOINCREMENT,
    "group_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "background" TEXT NOT NULL,
    "user_id" INTEGER NULL,
    CONSTRAINT "fk_group_members_commissioning_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "commissioning_groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_group_members_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE TABLE "commissioning_questions" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "group_id" INTEGER NULL,
    "stage" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "source" INTEGER NOT NULL,
    "condition_id" TEXT NULL,
    "demand_type_id" INTEGER NULL,
    "source_note" TEXT NULL,
    "feasibility" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "discount_rate" TEXT NULL,
    "currency" TEXT NULL,
    "price_year" INTEGER NULL,
    "raised_by" TEXT NOT NULL,
    "raised_utc" TEXT NOT NULL,
    "updated_by" TEXT NULL,
    "updated_utc" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "pk_commissioning_questions" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_commissioning_questions_commissioning_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "commissioning_groups" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_commissioning_questions_demand_types_demand_type_id" FOREIGN KEY ("demand_type_id") REFERENCES "demand_types" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_commissioning_questions_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "question_years" (
    "locality_id" INTEGER NOT NULL,
    "question_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "cost" TEXT NOT NULL,
    "benefit" TEXT NOT NULL,
    CONSTRAINT "pk_question_years" PRIMARY KEY ("locality_id", "question_id", "year"),
    CONSTRAINT "fk_question_years_commissioning_questions_locality_id_question_id" FOREIGN KEY ("locality_id", "question_id") REFERENCES "commissioning_questions" ("locality_id", "id") ON DELETE CASCADE
);

CREATE TABLE "gateway_records" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_gateway_records" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "question_id" TEXT NOT NULL,
    "decision" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "from_stage" INTEGER NOT NULL,
    "to_stage" INTEGER NOT NULL,
    "to_status" INTEGER NOT NULL,
    "decided_by" TEXT NOT NULL,
    "decided_utc" TEXT NOT NULL,
    CONSTRAINT "fk_gateway_records_commissioning_questions_locality_id_question_id" FOREIGN KEY ("locality_id", "question_id") REFERENCES "commissioning_questions" ("locality_id", "id") ON DELETE CASCADE
);

CREATE TABLE "jigsaw_responses" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_jigsaw_responses" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "piece" INTEGER NOT NULL,
    "answer" INTEGER NOT NULL,
    "answered_utc" TEXT NOT NULL,
    CONSTRAINT "fk_jigsaw_responses_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_jigsaw_responses_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_commissioning_groups_locality_id_name" ON "commissioning_groups" ("locality_id", "name");

CREATE INDEX "ix_group_members_group_id" ON "group_members" ("group_id");

CREATE INDEX "ix_group_members_user_id" ON "group_members" ("user_id");

CREATE INDEX "ix_commissioning_questions_demand_type_id" ON "commissioning_questions" ("demand_type_id");

CREATE INDEX "ix_commissioning_questions_group_id" ON "commissioning_questions" ("group_id");

CREATE INDEX "ix_commissioning_questions_locality_id_condition_id" ON "commissioning_questions" ("locality_id", "condition_id");

CREATE UNIQUE INDEX "ix_commissioning_questions_locality_id_number" ON "commissioning_questions" ("locality_id", "number");

CREATE INDEX "ix_commissioning_questions_locality_id_stage_status" ON "commissioning_questions" ("locality_id", "stage", "status");

CREATE INDEX "ix_gateway_records_locality_id_question_id" ON "gateway_records" ("locality_id", "question_id");

CREATE UNIQUE INDEX "ix_jigsaw_responses_locality_id_user_id_piece" ON "jigsaw_responses" ("locality_id", "user_id", "piece");

CREATE INDEX "ix_jigsaw_responses_user_id" ON "jigsaw_responses" ("user_id");
