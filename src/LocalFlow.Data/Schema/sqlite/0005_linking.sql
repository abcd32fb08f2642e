-- LocalFlow schema version 5 (sqlite): linking records across agencies — source identities, runs, review queue, decisions
-- Written from `localflow schema script --provider sqlite`, then checked by SchemaTests.

CREATE TABLE "link_runs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_link_runs" PRIMARY KEY AUTOINCREMENT,
    "locality_id" INTEGER NOT NULL,
    "started_at" TEXT NOT NULL,
    "finished_at" TEXT NULL,
    "started_by_user_id" INTEGER NULL,
    "started_by" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "error" TEXT NULL,
    "stage" TEXT NULL,
    "progress" REAL NOT NULL,
    "records" INTEGER NOT NULL,
    "candidate_pairs" INTEGER NOT NULL,
    "linked_pairs" INTEGER NOT NULL,
    "for_review" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,
    "new_people" INTEGER NOT NULL,
    "clusters_flagged" INTEGER NOT NULL,
    "link_threshold" REAL NOT NULL,
    "review_threshold" REAL NOT NULL,
    "privacy_preserving" INTEGER NOT NULL,
    "model_json" TEXT NULL,
    "report_json" TEXT NULL,
    CONSTRAINT "fk_link_runs_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "source_identities" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "source_record_id" TEXT NOT NULL,
    "agency_id" INTEGER NULL,
    "given_names" TEXT NULL,
    "surname" TEXT NULL,
    "previous_surnames" TEXT NULL,
    "date_of_birth" TEXT NULL,
    "sex" TEXT NULL,
    "address_line" TEXT NULL,
    "house_number" TEXT NULL,
    "postcode" TEXT NULL,
    "nhs_number" TEXT NULL,
    "other_id" TEXT NULL,
    "phone" TEXT NULL,
    "email" TEXT NULL,
    "record_date" TEXT NULL,
    "person_id" TEXT NULL,
    "link_run_id" INTEGER NULL,
    CONSTRAINT "pk_source_identities" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_source_identities_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_source_identities_people_locality_id_person_id" FOREIGN KEY ("locality_id", "person_id") REFERENCES "people" ("locality_id", "id")
);

CREATE TABLE "link_reviews" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "link_run_id" INTEGER NOT NULL,
    "identity_a_id" TEXT NOT NULL,
    "identity_b_id" TEXT NOT NULL,
    "weight" REAL NOT NULL,
    "probability" REAL NOT NULL,
    "explanation_json" TEXT NOT NULL,
    "cluster_flagged" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "decided_by_user_id" INTEGER NULL,
    "decided_by" TEXT NULL,
    "decided_at" TEXT NULL,
    CONSTRAINT "pk_link_reviews" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_link_reviews_link_runs_link_run_id" FOREIGN KEY ("link_run_id") REFERENCES "link_runs" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_link_reviews_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE TABLE "link_decisions" (
    "id" TEXT NOT NULL,
    "locality_id" INTEGER NOT NULL,
    "identity_a_id" TEXT NOT NULL,
    "identity_b_id" TEXT NOT NULL,
    "is_match" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "decided_by_user_id" INTEGER NULL,
    "decided_by" TEXT NOT NULL,
    "decided_at" TEXT NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "pk_link_decisions" PRIMARY KEY ("locality_id", "id"),
    CONSTRAINT "fk_link_decisions_localities_locality_id" FOREIGN KEY ("locality_id") REFERENCES "localities" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_link_runs_locality_id_started_at" ON "link_runs" ("locality_id", "started_at");

CREATE INDEX "ix_source_identities_locality_id_person_id" ON "source_identities" ("locality_id", "person_id");

CREATE UNIQUE INDEX "ix_source_identities_locality_id_source_source_record_id" ON "source_identities" ("locality_id", "source", "source_record_id");

CREATE INDEX "ix_link_reviews_link_run_id" ON "link_reviews" ("link_run_id");

CREATE INDEX "ix_link_reviews_locality_id_link_run_id_status" ON "link_reviews" ("locality_id", "link_run_id", "status");

CREATE INDEX "ix_link_decisions_locality_id_identity_a_id_identity_b_id" ON "link_decisions" ("locality_id", "identity_a_id", "identity_b_id");
