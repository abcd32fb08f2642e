-- LocalFlow schema version 36 (postgres): buildings, workforce gaps and needs can be changed and removed one at a time
-- (issue 13), so each carries a version for optimistic concurrency, and gaps and needs say who changed them last.
-- Written by hand after `localflow schema script --provider postgres`, then checked by SchemaTests. Depends on version 29.

ALTER TABLE resource_buildings ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE workforce_gaps ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE workforce_gaps ADD COLUMN updated_by character varying(200) NOT NULL DEFAULT '';
ALTER TABLE needs ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE needs ADD COLUMN updated_by character varying(200) NOT NULL DEFAULT '';
