-- LocalFlow schema version 2 (postgres): households and people (personal data, keyed by locality)
-- Written from `localflow schema script --provider postgres`, then checked by SchemaTests.

CREATE TABLE households (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    street_id integer,
    address_line text NOT NULL,
    postcode text NOT NULL,
    restricted boolean NOT NULL,
    CONSTRAINT pk_households PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_households_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE
);

CREATE TABLE people (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    household_id uuid,
    given_name text NOT NULL,
    family_name text NOT NULL,
    date_of_birth date,
    sex text,
    nhs_number text,
    phone text,
    email text,
    restricted boolean NOT NULL,
    CONSTRAINT pk_people PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_people_households_locality_id_household_id FOREIGN KEY (locality_id, household_id) REFERENCES households (locality_id, id),
    CONSTRAINT fk_people_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE
);

CREATE INDEX ix_households_locality_id_postcode ON households (locality_id, postcode);

CREATE INDEX ix_people_locality_id_family_name_given_name ON people (locality_id, family_name, given_name);

CREATE INDEX ix_people_locality_id_household_id ON people (locality_id, household_id);
