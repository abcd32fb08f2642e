-- LocalFlow schema version 1 (sqlite): localities, agencies, teams, workers, front doors, unit costs, accounts, settings, audit
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests.

CREATE TABLE "agencies" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_agencies" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL
);

CREATE TABLE "audit_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_events" PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "user_id" INTEGER NULL,
    "user_name" TEXT NOT NULL,
    "event_type" INTEGER NOT NULL,
    "operation" INTEGER NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NULL,
    "locality_id" INTEGER NULL,
    "source" TEXT NOT NULL,
    "detail" TEXT NULL
);

CREATE TABLE "localities" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_localities" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL
);

CREATE TABLE "settings" (
    "key" TEXT NOT NULL CONSTRAINT "pk_settings" PRIMARY KEY,
    "value" TEXT NOT NULL
);

CREATE TABLE "users" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_users" PRIMARY KEY AUTOINCREMENT,
    "user_name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" INTEGER NOT NULL,
    "must_change_password" INTEGER NOT NULL,
    "disabled" INTEGER NOT NULL,
    "may_see_restricted" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_sign_in_at" TEXT NULL,
    "failed_sign_ins" INTEGER NOT NULL
);

CREATE TABLE "teams" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_teams" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_teams_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE
);

CREATE TABLE "unit_costs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_unit_costs" PRIMARY KEY AUTOINCREMENT,
    "activity_kind" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "price_year" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    CONSTRAINT "fk_unit_costs_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE
);

CREATE TABLE "front_doors" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_front_doors" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "channel" INTEGER NOT NULL,
    CONSTRAINT "fk_front_doors_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_front_doors_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "streets" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_streets" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "town" TEXT NOT NULL,
    "postcodes" TEXT NOT NULL,
    CONSTRAINT "fk_streets_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_agencies" (
    "user_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    CONSTRAINT "pk_user_agencies" PRIMARY KEY ("user_id", "agency_id"),
    CONSTRAINT "fk_user_agencies_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_user_agencies_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_localities" (
    "user_id" INTEGER NOT NULL,
    "locality_id" INTEGER NOT NULL,
    CONSTRAINT "pk_user_localities" PRIMARY KEY ("user_id", "locality_id"),
    CONSTRAINT "fk_user_localities_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_user_localities_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_teams" (
    "user_id" INTEGER NOT NULL,
    "team_id" INTEGER NOT NULL,
    CONSTRAINT "pk_user_teams" PRIMARY KEY ("user_id", "team_id"),
    CONSTRAINT "fk_user_teams_teams_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_user_teams_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "workers" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_workers" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "team_id" INTEGER NULL,
    "name" TEXT NOT NULL,
    "job_title" TEXT NOT NULL,
    CONSTRAINT "fk_workers_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_workers_teams_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id")
);

CREATE UNIQUE INDEX "ix_agencies_name" ON "agencies" ("name");

CREATE INDEX "ix_audit_events_at" ON "audit_events" ("at");

CREATE INDEX "ix_audit_events_entity_type_entity_id" ON "audit_events" ("entity_type", "entity_id");

CREATE INDEX "ix_audit_events_user_id" ON "audit_events" ("user_id");

CREATE INDEX "ix_front_doors_agency_id" ON "front_doors" ("agency_id");

CREATE UNIQUE INDEX "ix_front_doors_locality_id_name" ON "front_doors" ("locality_id", "name");

CREATE UNIQUE INDEX "ix_localities_name" ON "localities" ("name");

CREATE UNIQUE INDEX "ix_streets_locality_id_name" ON "streets" ("locality_id", "name");

CREATE UNIQUE INDEX "ix_teams_agency_id_name" ON "teams" ("agency_id", "name");

CREATE UNIQUE INDEX "ix_unit_costs_agency_id_activity_kind_description" ON "unit_costs" ("agency_id", "activity_kind", "description");

CREATE INDEX "ix_user_agencies_agency_id" ON "user_agencies" ("agency_id");

CREATE INDEX "ix_user_localities_locality_id" ON "user_localities" ("locality_id");

CREATE INDEX "ix_user_teams_team_id" ON "user_teams" ("team_id");

CREATE UNIQUE INDEX "ix_users_user_name" ON "users" ("user_name");

CREATE INDEX "ix_workers_agency_id" ON "workers" ("agency_id");

CREATE INDEX "ix_workers_team_id" ON "workers" ("team_id");

-- The audit trail is append-only.
CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE ON "audit_events"
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

CREATE TRIGGER "audit_events_no_delete" BEFORE DELETE ON "audit_events"
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
