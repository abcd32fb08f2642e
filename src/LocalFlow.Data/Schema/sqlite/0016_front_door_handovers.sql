-- LocalFlow schema version 16 (sqlite): "help me" demands heard at a front door, handed to the locality team (issue 9)
-- Written by hand after `localflow schema script --provider sqlite`, then checked by SchemaTests. Depends on versions 3 (demands) and 9 (locality working).

CREATE TABLE "front_door_handovers" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "demand_id" TEXT NOT NULL,
    "note" TEXT NULL,
    "handed_over_by" TEXT NOT NULL,
    "handed_over_utc" TEXT NOT NULL,
    "person_id" TEXT NULL,
    "linked_by" TEXT NULL,
    "linked_utc" TEXT NULL,
    "version" INTEGER NOT NULL,
    "removed_utc" TEXT NULL,
    "removed_by" TEXT NULL,
    CONSTRAINT "pk_front_door_handovers" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_front_door_handovers_demands_locality_id_demand_id" FOREIGN KEY ("locality_id", "demand_id") REFERENCES "demands" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_front_door_handovers_people_locality_id_person_id" FOREIGN KEY ("locality_id", "person_id") REFERENCES "people" ("locality_id", "id") ON DELETE RESTRICT
);

CREATE INDEX "ix_front_door_handovers_locality_id_demand_id" ON "front_door_handovers" ("locality_id", "demand_id");

CREATE INDEX "ix_front_door_handovers_locality_id_person_id" ON "front_door_handovers" ("locality_id", "person_id");
