-- LocalFlow schema version 33 (sqlite): the language each demand was made in, so that a person's words are never translated (issue 15, item 15)
-- Written by hand after `localflow schema script --provider sqlite`, then checked by SchemaTests. Depends on version 3 (demand).

ALTER TABLE "demands" ADD COLUMN "language" TEXT NULL;
