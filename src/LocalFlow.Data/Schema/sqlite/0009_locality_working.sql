-- LocalFlow schema version 9 (sqlite): locality working — the team that helps (issue 9)
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests. Versions below 9 may come
-- from other branches; these tables depend only on versions 1–4. The entity map is in docs/locality-working.md.

-- A signed-in user who works in the team is a worker.
ALTER TABLE "workers" ADD COLUMN "user_id" INTEGER NULL CONSTRAINT "fk_workers_users_user_id" REFERENCES "users" ("id") ON DELETE RESTRICT;

-- What matters stays in one store: the good-life conversation adds who said it, where, and in which language.
ALTER TABLE "what_mattered" ADD COLUMN "said_by" TEXT NULL;
ALTER TABLE "what_mattered" ADD COLUMN "said_by_person_id" TEXT NULL;
ALTER TABLE "what_mattered" ADD COLUMN "conversation_id" TEXT NULL;
ALTER TABLE "what_mattered" ADD COLUMN "language" TEXT NULL;
ALTER TABLE "what_mattered" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "what_mattered" ADD COLUMN "removed_utc" TEXT NULL;
ALTER TABLE "what_mattered" ADD COLUMN "removed_by" TEXT NULL;

CREATE TABLE "locality_teams" (
    "locality_id" INTEGER NOT NULL CONSTRAINT "pk_locality_teams" PRIMARY KEY,
    "agency_id" INTEGER NOT NULL,
    "team_id" INTEGER NULL,
    "purpose" TEXT NOT NULL,
    "principles" TEXT NOT NULL,
    "updated_by" TEXT NULL,
    "updated_utc" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_locality_teams_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_locality_teams_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_locality_teams_teams_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE RESTRICT
);

CREATE TABLE "directory_entries" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "skills" TEXT NOT NULL,
    "availability" TEXT NOT NULL,
    "street_id" INTEGER NULL,
    "area" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "removed_utc" TEXT NULL,
    "removed_by" TEXT NULL,
    CONSTRAINT "pk_directory_entries" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_directory_entries_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_directory_entries_streets_street_id" FOREIGN KEY ("street_id") REFERENCES "streets" ("id") ON DELETE RESTRICT
);

CREATE TABLE "named_workers" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "person_id" TEXT NULL,
    "household_id" TEXT NULL,
    "worker_id" INTEGER NOT NULL,
    "named_by" TEXT NOT NULL,
    "named_utc" TEXT NOT NULL,
    "removed_utc" TEXT NULL,
    "removed_by" TEXT NULL,
    CONSTRAINT "pk_named_workers" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_named_workers_households_locality_id_household_id" FOREIGN KEY ("locality_id", "household_id") REFERENCES "households" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_named_workers_people_locality_id_person_id" FOREIGN KEY ("locality_id", "person_id") REFERENCES "people" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_named_workers_workers_worker_id" FOREIGN KEY ("worker_id") REFERENCES "workers" ("id") ON DELETE RESTRICT
);

CREATE TABLE "supports" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "household_id" TEXT NULL,
    "person_id" TEXT NULL,
    "key_worker_id" INTEGER NOT NULL,
    "started_on" TEXT NOT NULL,
    "started_by" TEXT NOT NULL,
    "stepped_back_on" TEXT NULL,
    "need_met_in_their_words" TEXT NULL,
    "need_met_record_id" TEXT NULL,
    "version" INTEGER NOT NULL,
    "removed_utc" TEXT NULL,
    "removed_by" TEXT NULL,
    CONSTRAINT "pk_supports" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_supports_households_locality_id_household_id" FOREIGN KEY ("locality_id", "household_id") REFERENCES "households" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_supports_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_supports_people_locality_id_person_id" FOREIGN KEY ("locality_id", "person_id") REFERENCES "people" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_supports_workers_key_worker_id" FOREIGN KEY ("key_worker_id") REFERENCES "workers" ("id") ON DELETE RESTRICT
);

CREATE TABLE "avoided" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "support_id" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "removed_utc" TEXT NULL,
    "removed_by" TEXT NULL,
    CONSTRAINT "pk_avoided" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_avoided_supports_locality_id_support_id" FOREIGN KEY ("locality_id", "support_id") REFERENCES "supports" ("locality_id", "id") ON DELETE RESTRICT
);

CREATE TABLE "good_life_conversations" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "person_id" TEXT NOT NULL,
    "household_id" TEXT NULL,
    "support_id" TEXT NULL,
    "held_on" TEXT NOT NULL,
    "held_by_worker_id" INTEGER NULL,
    "held_by" TEXT NOT NULL,
    "good_life" TEXT NOT NULL,
    "strengths" TEXT NOT NULL,
    "can_do_themselves" TEXT NOT NULL,
    "who_is_around" TEXT NOT NULL,
    "help_wanted" TEXT NOT NULL,
    "language" TEXT NULL,
    "recorded_utc" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "removed_utc" TEXT NULL,
    "removed_by" TEXT NULL,
    CONSTRAINT "pk_good_life_conversations" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_good_life_conversations_households_locality_id_household_id" FOREIGN KEY ("locality_id", "household_id") REFERENCES "households" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_good_life_conversations_people_locality_id_person_id" FOREIGN KEY ("locality_id", "person_id") REFERENCES "people" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_good_life_conversations_supports_locality_id_support_id" FOREIGN KEY ("locality_id", "support_id") REFERENCES "supports" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_good_life_conversations_workers_held_by_worker_id" FOREIGN KEY ("held_by_worker_id") REFERENCES "workers" ("id") ON DELETE RESTRICT
);

CREATE TABLE "involvements" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "support_id" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "worker_id" INTEGER NULL,
    "directory_entry_id" TEXT NULL,
    "why" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "added_by" TEXT NOT NULL,
    "removed_utc" TEXT NULL,
    "removed_by" TEXT NULL,
    CONSTRAINT "pk_involvements" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_involvements_directory_entries_locality_id_directory_entry_id" FOREIGN KEY ("locality_id", "directory_entry_id") REFERENCES "directory_entries" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_involvements_supports_locality_id_support_id" FOREIGN KEY ("locality_id", "support_id") REFERENCES "supports" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_involvements_workers_worker_id" FOREIGN KEY ("worker_id") REFERENCES "workers" ("id") ON DELETE RESTRICT
);

CREATE TABLE "team_actions" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "support_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "worker_id" INTEGER NULL,
    "directory_entry_id" TEXT NULL,
    "when" TEXT NOT NULL,
    "what_mattered_id" TEXT NULL,
    "cost" TEXT NULL,
    "unit_cost_id" INTEGER NULL,
    "done_on" TEXT NULL,
    "record_id" TEXT NULL,
    "added_by" TEXT NOT NULL,
    "added_utc" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "removed_utc" TEXT NULL,
    "removed_by" TEXT NULL,
    CONSTRAINT "pk_team_actions" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_team_actions_directory_entries_locality_id_directory_entry_id" FOREIGN KEY ("locality_id", "directory_entry_id") REFERENCES "directory_entries" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_team_actions_people_locality_id_person_id" FOREIGN KEY ("locality_id", "person_id") REFERENCES "people" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_team_actions_supports_locality_id_support_id" FOREIGN KEY ("locality_id", "support_id") REFERENCES "supports" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_team_actions_unit_costs_unit_cost_id" FOREIGN KEY ("unit_cost_id") REFERENCES "unit_costs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_team_actions_what_mattered_locality_id_what_mattered_id" FOREIGN KEY ("locality_id", "what_mattered_id") REFERENCES "what_mattered" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_team_actions_workers_worker_id" FOREIGN KEY ("worker_id") REFERENCES "workers" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_avoided_locality_id_support_id" ON "avoided" ("locality_id", "support_id");

CREATE INDEX "ix_directory_entries_locality_id_name" ON "directory_entries" ("locality_id", "name");

CREATE INDEX "ix_directory_entries_street_id" ON "directory_entries" ("street_id");

CREATE INDEX "ix_good_life_conversations_held_by_worker_id" ON "good_life_conversations" ("held_by_worker_id");

CREATE INDEX "ix_good_life_conversations_locality_id_household_id" ON "good_life_conversations" ("locality_id", "household_id");

CREATE INDEX "ix_good_life_conversations_locality_id_person_id_held_on" ON "good_life_conversations" ("locality_id", "person_id", "held_on");

CREATE INDEX "ix_good_life_conversations_locality_id_support_id" ON "good_life_conversations" ("locality_id", "support_id");

CREATE INDEX "ix_involvements_locality_id_directory_entry_id" ON "involvements" ("locality_id", "directory_entry_id");

CREATE INDEX "ix_involvements_locality_id_support_id" ON "involvements" ("locality_id", "support_id");

CREATE INDEX "ix_involvements_worker_id_locality_id" ON "involvements" ("worker_id", "locality_id");

CREATE INDEX "ix_locality_teams_agency_id" ON "locality_teams" ("agency_id");

CREATE INDEX "ix_locality_teams_team_id" ON "locality_teams" ("team_id");

CREATE INDEX "ix_named_workers_locality_id_household_id" ON "named_workers" ("locality_id", "household_id");

CREATE INDEX "ix_named_workers_locality_id_person_id" ON "named_workers" ("locality_id", "person_id");

CREATE INDEX "ix_named_workers_worker_id_locality_id" ON "named_workers" ("worker_id", "locality_id");

CREATE INDEX "ix_supports_key_worker_id_locality_id" ON "supports" ("key_worker_id", "locality_id");

CREATE INDEX "ix_supports_locality_id_household_id" ON "supports" ("locality_id", "household_id");

CREATE INDEX "ix_supports_locality_id_person_id" ON "supports" ("locality_id", "person_id");

CREATE INDEX "ix_team_actions_locality_id_directory_entry_id" ON "team_actions" ("locality_id", "directory_entry_id");

CREATE INDEX "ix_team_actions_locality_id_person_id" ON "team_actions" ("locality_id", "person_id");

CREATE INDEX "ix_team_actions_locality_id_support_id_when" ON "team_actions" ("locality_id", "support_id", "when");

CREATE INDEX "ix_team_actions_locality_id_what_mattered_id" ON "team_actions" ("locality_id", "what_mattered_id");

CREATE INDEX "ix_team_actions_unit_cost_id" ON "team_actions" ("unit_cost_id");

CREATE INDEX "ix_team_actions_worker_id" ON "team_actions" ("worker_id");

CREATE INDEX "ix_what_mattered_locality_id_conversation_id" ON "what_mattered" ("locality_id", "conversation_id");

CREATE UNIQUE INDEX "ix_workers_user_id" ON "workers" ("user_id");
