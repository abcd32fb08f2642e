-- LocalFlow schema version 15 (postgres): the price index that restates costs at a chosen year, and the price year of each record's cost
-- Written from `localflow schema script --provider postgres`, then checked by SchemaTests. Depends on version 4 (activity records).

CREATE TABLE price_index (
    year integer NOT NULL,
    value numeric(18,4) NOT NULL,
    source text NOT NULL,
    CONSTRAINT pk_price_index PRIMARY KEY (year)
);

ALTER TABLE activity_records ADD COLUMN price_year integer;
