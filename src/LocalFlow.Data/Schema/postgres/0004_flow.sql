-- LocalFlow schema version 4 (postgres): flow study: activity records, imports, what mattered, signal settings
-- Written from `localflow schema script --provider postgres`, then checked by SchemaTests.

CREATE TABLE flow_imports (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    file_name character varying(400) NOT NULL,
    source_system character varying(100) NOT NULL,
    agency_id integer,
    imported_by_user_id integer,
    imported_by character varying(200) NOT NULL,
    imported_utc timestamp with time zone NOT NULL,
    record_count integer NOT NULL,
    skipped_count integer NOT NULL,
    status integer NOT NULL,
    undone_utc timestamp with time zone,
    undone_by character varying(200),
    CONSTRAINT pk_flow_imports PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_flow_imports_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_flow_imports_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE
);

CREATE TABLE flow_settings (
    locality_id integer NOT NULL,
    reentry_days integer NOT NULL,
    repeat_assessment_days integer NOT NULL,
    assess_refer_days integer NOT NULL,
    ping_pong_days integer NOT NULL,
    screened_out_return_days integer NOT NULL,
    progress_chasing_days integer NOT NULL,
    worker_chain_length integer NOT NULL,
    CONSTRAINT pk_flow_settings PRIMARY KEY (locality_id),
    CONSTRAINT fk_flow_settings_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE
);

CREATE TABLE activity_records (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    person_id uuid NOT NULL,
    household_id uuid,
    agency_id integer NOT NULL,
    team_id integer,
    worker_id integer,
    kind integer NOT NULL,
    subtype character varying(200),
    referred_to_agency_id integer,
    referred_to_team_id integer,
    start_utc timestamp with time zone NOT NULL,
    end_utc timestamp with time zone,
    source_offset_minutes integer,
    source_system character varying(100) NOT NULL,
    source_record_id character varying(200) NOT NULL,
    text text,
    cost numeric(18,2),
    cost_from_catalogue boolean NOT NULL,
    helped boolean,
    helped_reason integer,
    helped_note text,
    import_id uuid,
    CONSTRAINT pk_activity_records PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_activity_records_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_activity_records_flow_imports_locality_id_import_id FOREIGN KEY (locality_id, import_id) REFERENCES flow_imports (locality_id, id),
    CONSTRAINT fk_activity_records_households_locality_id_household_id FOREIGN KEY (locality_id, household_id) REFERENCES households (locality_id, id),
    CONSTRAINT fk_activity_records_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE,
    CONSTRAINT fk_activity_records_people_locality_id_person_id FOREIGN KEY (locality_id, person_id) REFERENCES people (locality_id, id) ON DELETE CASCADE
);

CREATE TABLE what_mattered (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    person_id uuid NOT NULL,
    in_their_words text NOT NULL,
    item text NOT NULL,
    cost numeric(18,2) NOT NULL,
    price_year integer,
    asked_on date NOT NULL,
    CONSTRAINT pk_what_mattered PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_what_mattered_people_locality_id_person_id FOREIGN KEY (locality_id, person_id) REFERENCES people (locality_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_activity_records_agency_id ON activity_records (agency_id);

CREATE INDEX ix_activity_records_locality_id_household_id ON activity_records (locality_id, household_id);

CREATE INDEX ix_activity_records_locality_id_import_id ON activity_records (locality_id, import_id);

CREATE INDEX ix_activity_records_locality_id_person_id_start_utc ON activity_records (locality_id, person_id, start_utc);

CREATE UNIQUE INDEX ix_activity_records_locality_id_source_system_source_record_id ON activity_records (locality_id, source_system, source_record_id);

CREATE INDEX ix_flow_imports_agency_id ON flow_imports (agency_id);

CREATE INDEX ix_flow_imports_locality_id_imported_utc ON flow_imports (locality_id, imported_utc);

CREATE INDEX ix_what_mattered_locality_id_person_id ON what_mattered (locality_id, person_id);
