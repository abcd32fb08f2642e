-- LocalFlow schema version 11 (postgres): flow study: the stored queue of background imports, resumed at start-up
-- Written from `localflow schema script --provider postgres`, then checked by SchemaTests.

CREATE TABLE flow_import_queue (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    request_json text NOT NULL,
    upload_json text,
    user_name character varying(200) NOT NULL,
    user_id integer,
    queued_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_flow_import_queue PRIMARY KEY (id),
    CONSTRAINT fk_flow_import_queue_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE
);

CREATE INDEX ix_flow_import_queue_locality_id ON flow_import_queue (locality_id);

CREATE INDEX ix_flow_import_queue_queued_utc ON flow_import_queue (queued_utc);
