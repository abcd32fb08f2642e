-- LocalFlow schema version 11 (sqlite): flow study: the stored queue of background imports, resumed at start-up
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests.

CREATE TABLE "flow_import_queue" (
    "id" TEXT NOT NULL CONSTRAINT "pk_flow_import_queue" PRIMARY KEY,
    "locality_id" INTEGER NOT NULL,
    "request_json" TEXT NOT NULL,
    "upload_json" TEXT NULL,
    "user_name" TEXT NOT NULL,
    "user_id" INTEGER NULL,
    "queued_utc" TEXT NOT NULL,
    CONSTRAINT "fk_flow_import_queue_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_flow_import_queue_locality_id" ON "flow_import_queue" ("locality_id");

CREATE INDEX "ix_flow_import_queue_queued_utc" ON "flow_import_queue" ("queued_utc");
