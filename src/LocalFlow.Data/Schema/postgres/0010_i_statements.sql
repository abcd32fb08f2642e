-- LocalFlow schema version 10 (postgres): I statements in the person's words, their 0-10 scores at dated conversations, and recordings of a person's plan
-- Written from `localflow schema script --provider postgres`, then checked by SchemaTests. Depends on version 2 (people, households) only.

CREATE TABLE person_statements (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    person_id uuid,
    household_id uuid,
    words text NOT NULL,
    position integer NOT NULL,
    added_on date NOT NULL,
    added_by character varying(200) NOT NULL,
    removed_utc timestamp with time zone,
    removed_by character varying(200),
    version integer NOT NULL,
    CONSTRAINT pk_person_statements PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_person_statements_households_locality_id_household_id FOREIGN KEY (locality_id, household_id) REFERENCES households (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_person_statements_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE,
    CONSTRAINT fk_person_statements_people_locality_id_person_id FOREIGN KEY (locality_id, person_id) REFERENCES people (locality_id, id) ON DELETE RESTRICT
);

CREATE TABLE plan_recordings (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    person_id uuid NOT NULL,
    file_name character varying(255) NOT NULL,
    content_type character varying(100) NOT NULL,
    size_bytes bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    uploaded_by character varying(200) NOT NULL,
    uploaded_utc timestamp with time zone NOT NULL,
    removed_utc timestamp with time zone,
    removed_by character varying(200),
    CONSTRAINT pk_plan_recordings PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_plan_recordings_people_locality_id_person_id FOREIGN KEY (locality_id, person_id) REFERENCES people (locality_id, id) ON DELETE RESTRICT
);

CREATE TABLE statement_scores (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    statement_id uuid NOT NULL,
    scored_on date NOT NULL,
    score integer NOT NULL,
    recorded_by character varying(200) NOT NULL,
    recorded_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_statement_scores PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_statement_scores_person_statements_locality_id_statement_id FOREIGN KEY (locality_id, statement_id) REFERENCES person_statements (locality_id, id) ON DELETE RESTRICT
);

CREATE TABLE plan_recording_contents (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    content bytea NOT NULL,
    CONSTRAINT pk_plan_recording_contents PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_plan_recording_contents_plan_recordings_locality_id_id FOREIGN KEY (locality_id, id) REFERENCES plan_recordings (locality_id, id) ON DELETE RESTRICT
);

CREATE INDEX ix_person_statements_locality_id_household_id ON person_statements (locality_id, household_id);

CREATE INDEX ix_person_statements_locality_id_person_id ON person_statements (locality_id, person_id);

CREATE INDEX ix_plan_recordings_locality_id_person_id ON plan_recordings (locality_id, person_id);

CREATE UNIQUE INDEX ix_statement_scores_locality_id_statement_id_scored_on ON statement_scores (locality_id, statement_id, scored_on);
