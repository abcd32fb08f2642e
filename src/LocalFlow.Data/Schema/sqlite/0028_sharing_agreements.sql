-- LocalFlow schema version 28 (sqlite): data sharing agreements between agencies and consent to them (issue 14, item 11)
-- Written by hand after `localflow schema script --provider sqlite`, then checked by SchemaTests. Depends on versions 1 (localities, agencies) and 2 (people). See docs/trust.md.

CREATE TABLE "sharing_agreements" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_sharing_agreements" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "purposes" INTEGER NOT NULL,
    "article6" INTEGER NOT NULL,
    "article9" INTEGER NOT NULL,
    "consent_based" INTEGER NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NULL,
    "version" INTEGER NOT NULL,
    "changed_by" TEXT NOT NULL,
    "changed_utc" TEXT NOT NULL,
    CONSTRAINT "fk_sharing_agreements_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "sharing_categories" (
    "agreement_id" INTEGER NOT NULL,
    "category" INTEGER NOT NULL,
    CONSTRAINT "pk_sharing_categories" PRIMARY KEY ("agreement_id", "category"),
    CONSTRAINT "fk_sharing_categories_sharing_agreements_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "sharing_agreements" ("id") ON DELETE CASCADE
);

CREATE TABLE "sharing_consents" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_sharing_consents" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "agreement_id" INTEGER NOT NULL,
    "person_id" TEXT NOT NULL,
    "given" INTEGER NOT NULL,
    "on" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_utc" TEXT NOT NULL,
    CONSTRAINT "fk_sharing_consents_people_locality_id_person_id" FOREIGN KEY ("locality_id", "person_id") REFERENCES "people" ("locality_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "fk_sharing_consents_sharing_agreements_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "sharing_agreements" ("id") ON DELETE CASCADE
);

CREATE TABLE "sharing_parties" (
    "agreement_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    CONSTRAINT "pk_sharing_parties" PRIMARY KEY ("agreement_id", "agency_id"),
    CONSTRAINT "fk_sharing_parties_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_sharing_parties_sharing_agreements_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "sharing_agreements" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_sharing_agreements_locality_id" ON "sharing_agreements" ("locality_id");

CREATE UNIQUE INDEX "ix_sharing_consents_agreement_id_person_id" ON "sharing_consents" ("agreement_id", "person_id");

CREATE INDEX "ix_sharing_consents_locality_id_person_id" ON "sharing_consents" ("locality_id", "person_id");

CREATE INDEX "ix_sharing_parties_agency_id" ON "sharing_parties" ("agency_id");
