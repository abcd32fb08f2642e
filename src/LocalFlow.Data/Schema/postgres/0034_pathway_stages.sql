-- LocalFlow schema version 34 (postgres): where needs, lines of money and buildings are placed on the user pathway from
-- −9 months to 99 years (issue 13, item 4): a first and last life stage each, null when not placed.
-- Written by hand after `localflow schema script --provider postgres`, then checked by SchemaTests. Depends on version 29.

ALTER TABLE needs ADD COLUMN first_stage integer;
ALTER TABLE needs ADD COLUMN last_stage integer;
ALTER TABLE resource_money ADD COLUMN first_stage integer;
ALTER TABLE resource_money ADD COLUMN last_stage integer;
ALTER TABLE resource_buildings ADD COLUMN first_stage integer;
ALTER TABLE resource_buildings ADD COLUMN last_stage integer;
