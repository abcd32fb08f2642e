-- LocalFlow schema version 7 (postgres): system conditions — the causes of failure the study team found, linked to their evidence
-- Written from `localflow schema script --provider postgres`, then checked by SchemaTests. Version 6 comes from another branch;
-- these tables do not depend on it (SchemaUpgrader applies a missing lower version when it arrives).

CREATE TABLE system_conditions (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    category integer NOT NULL,
    own_category character varying(200),
    title character varying(300) NOT NULL,
    finding text NOT NULL,
    recorded_by character varying(200) NOT NULL,
    recorded_by_user_id integer,
    recorded_utc timestamp with time zone NOT NULL,
    updated_by character varying(200),
    updated_utc timestamp with time zone,
    CONSTRAINT pk_system_conditions PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_system_conditions_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE
);

CREATE TABLE condition_evidence (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    condition_id uuid NOT NULL,
    kind integer NOT NULL,
    demand_type_id integer,
    signal_kind integer,
    agency_id integer,
    record_id uuid,
    person_id uuid,
    note text NOT NULL,
    added_by character varying(200) NOT NULL,
    added_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_condition_evidence PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_condition_evidence_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_condition_evidence_demand_types_demand_type_id FOREIGN KEY (demand_type_id) REFERENCES demand_types (id) ON DELETE RESTRICT,
    CONSTRAINT fk_condition_evidence_people_locality_id_person_id FOREIGN KEY (locality_id, person_id) REFERENCES people (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_condition_evidence_system_conditions_locality_id_condition_id FOREIGN KEY (locality_id, condition_id) REFERENCES system_conditions (locality_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_system_conditions_locality_id_category ON system_conditions (locality_id, category);

CREATE INDEX ix_condition_evidence_agency_id ON condition_evidence (agency_id);

CREATE INDEX ix_condition_evidence_demand_type_id ON condition_evidence (demand_type_id);

CREATE INDEX ix_condition_evidence_locality_id_condition_id ON condition_evidence (locality_id, condition_id);

CREATE INDEX ix_condition_evidence_locality_id_person_id ON condition_evidence (locality_id, person_id);

