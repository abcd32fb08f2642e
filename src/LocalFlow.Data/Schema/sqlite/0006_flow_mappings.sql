-- LocalFlow schema version 6 (sqlite): flow study: CSV column mappings saved per agency for imports
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests.

CREATE TABLE "flow_mappings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_flow_mappings" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "mapping_json" TEXT NOT NULL,
    "saved_by" TEXT NOT NULL,
    "saved_utc" TEXT NOT NULL,
    CONSTRAINT "fk_flow_mappings_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_flow_mappings_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_flow_mappings_agency_id" ON "flow_mappings" ("agency_id");

CREATE UNIQUE INDEX "ix_flow_mappings_locality_id_agency_id_name" ON "flow_mappings" ("locality_id", "agency_id", "name");
