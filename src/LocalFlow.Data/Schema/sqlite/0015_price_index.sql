-- LocalFlow schema version 15 (sqlite): the price index that restates costs at a chosen year, and the price year of each record's cost
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests. Depends on version 4 (activity records).

CREATE TABLE "price_index" (
    "year" INTEGER NOT NULL CONSTRAINT "pk_price_index" PRIMARY KEY,
    "value" TEXT NOT NULL,
    "source" TEXT NOT NULL
);

ALTER TABLE "activity_records" ADD COLUMN "price_year" INTEGER NULL;
