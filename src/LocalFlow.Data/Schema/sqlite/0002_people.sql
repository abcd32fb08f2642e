-- LocalFlow schema version 2 (sqlite): households and people (personal data, keyed by locality)
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests.

CREATE TABLE "households" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "street_id" INTEGER NULL,
    "address_line" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "restricted" INTEGER NOT NULL,
    CONSTRAINT "pk_households" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_households_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "people" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "household_id" TEXT NULL,
    "given_name" TEXT NOT NULL,
    "family_name" TEXT NOT NULL,
    "date_of_birth" TEXT NULL,
    "sex" TEXT NULL,
    "nhs_number" TEXT NULL,
    "phone" TEXT NULL,
    "email" TEXT NULL,
    "restricted" INTEGER NOT NULL,
    CONSTRAINT "pk_people" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_people_households_locality_id_household_id" FOREIGN KEY ("locality_id", "household_id") REFERENCES "households" ("locality_id", "id"),
    CONSTRAINT "fk_people_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_households_locality_id_postcode" ON "households" ("locality_id", "postcode");

CREATE INDEX "ix_people_locality_id_family_name_given_name" ON "people" ("locality_id", "family_name", "given_name");

CREATE INDEX "ix_people_locality_id_household_id" ON "people" ("locality_id", "household_id");
