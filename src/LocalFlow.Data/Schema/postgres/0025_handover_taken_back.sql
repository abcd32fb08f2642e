-- LocalFlow schema version 25 (postgres): a hand-over the front door takes back before the team picks it up keeps why (issue 9)
-- Written by hand after `localflow schema script --provider postgres`, then checked by SchemaTests. Depends on version 16 (front-door hand-overs).

ALTER TABLE front_door_handovers ADD COLUMN removed_reason text;
