-- LocalFlow schema version 8 (sqlite): demand study: one index covering the analysis query (every column it
-- reads, in capture order), replacing the index on (locality_id, study_id, received_at) it extends.

DROP INDEX "ix_demands_locality_id_study_id_received_at";

CREATE INDEX "ix_demands_analysis" ON "demands" ("locality_id", "study_id", "received_at", "captured_at", "front_door_id", "channel", "nature", "failure_kind", "type_id", "outcome");
