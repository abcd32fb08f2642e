-- LocalFlow schema version 9 (postgres): locality working — the team that helps (issue 9)
-- Written from `localflow schema script --provider postgres`, then checked by SchemaTests. Versions below 9 may come
-- from other branches; these tables depend only on versions 1–4. The entity map is in docs/locality-working.md.

-- A signed-in user who works in the team is a worker.
ALTER TABLE workers ADD COLUMN user_id integer;
ALTER TABLE workers ADD CONSTRAINT fk_workers_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT;

-- What matters stays in one store: the good-life conversation adds who said it, where, and in which language.
ALTER TABLE what_mattered ADD COLUMN said_by character varying(200);
ALTER TABLE what_mattered ADD COLUMN said_by_person_id uuid;
ALTER TABLE what_mattered ADD COLUMN conversation_id uuid;
ALTER TABLE what_mattered ADD COLUMN language character varying(100);
ALTER TABLE what_mattered ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE what_mattered ADD COLUMN removed_utc timestamp with time zone;
ALTER TABLE what_mattered ADD COLUMN removed_by character varying(200);

CREATE TABLE locality_teams (
    locality_id integer NOT NULL,
    agency_id integer NOT NULL,
    team_id integer,
    purpose text NOT NULL,
    principles text NOT NULL,
    updated_by character varying(200),
    updated_utc timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT pk_locality_teams PRIMARY KEY (locality_id),
    CONSTRAINT fk_locality_teams_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_locality_teams_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE,
    CONSTRAINT fk_locality_teams_teams_team_id FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE RESTRICT
);

CREATE TABLE directory_entries (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    kind integer NOT NULL,
    name character varying(200) NOT NULL,
    skills text NOT NULL,
    availability text NOT NULL,
    street_id integer,
    area text NOT NULL,
    contact text NOT NULL,
    version integer NOT NULL,
    removed_utc timestamp with time zone,
    removed_by character varying(200),
    CONSTRAINT pk_directory_entries PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_directory_entries_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE,
    CONSTRAINT fk_directory_entries_streets_street_id FOREIGN KEY (street_id) REFERENCES streets (id) ON DELETE RESTRICT
);

CREATE TABLE named_workers (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    person_id uuid,
    household_id uuid,
    worker_id integer NOT NULL,
    named_by character varying(200) NOT NULL,
    named_utc timestamp with time zone NOT NULL,
    removed_utc timestamp with time zone,
    removed_by character varying(200),
    CONSTRAINT pk_named_workers PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_named_workers_households_locality_id_household_id FOREIGN KEY (locality_id, household_id) REFERENCES households (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_named_workers_people_locality_id_person_id FOREIGN KEY (locality_id, person_id) REFERENCES people (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_named_workers_workers_worker_id FOREIGN KEY (worker_id) REFERENCES workers (id) ON DELETE RESTRICT
);

CREATE TABLE supports (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    household_id uuid,
    person_id uuid,
    key_worker_id integer NOT NULL,
    started_on date NOT NULL,
    started_by character varying(200) NOT NULL,
    stepped_back_on date,
    need_met_in_their_words text,
    need_met_record_id uuid,
    version integer NOT NULL,
    removed_utc timestamp with time zone,
    removed_by character varying(200),
    CONSTRAINT pk_supports PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_supports_households_locality_id_household_id FOREIGN KEY (locality_id, household_id) REFERENCES households (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_supports_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE,
    CONSTRAINT fk_supports_people_locality_id_person_id FOREIGN KEY (locality_id, person_id) REFERENCES people (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_supports_workers_key_worker_id FOREIGN KEY (key_worker_id) REFERENCES workers (id) ON DELETE RESTRICT
);

CREATE TABLE avoided (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    support_id uuid NOT NULL,
    kind integer NOT NULL,
    reason text NOT NULL,
    "on" date NOT NULL,
    recorded_by character varying(200) NOT NULL,
    removed_utc timestamp with time zone,
    removed_by character varying(200),
    CONSTRAINT pk_avoided PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_avoided_supports_locality_id_support_id FOREIGN KEY (locality_id, support_id) REFERENCES supports (locality_id, id) ON DELETE RESTRICT
);

CREATE TABLE good_life_conversations (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    person_id uuid NOT NULL,
    household_id uuid,
    support_id uuid,
    held_on date NOT NULL,
    held_by_worker_id integer,
    held_by character varying(200) NOT NULL,
    good_life text NOT NULL,
    strengths text NOT NULL,
    can_do_themselves text NOT NULL,
    who_is_around text NOT NULL,
    help_wanted text NOT NULL,
    language character varying(100),
    recorded_utc timestamp with time zone NOT NULL,
    version integer NOT NULL,
    removed_utc timestamp with time zone,
    removed_by character varying(200),
    CONSTRAINT pk_good_life_conversations PRIMARY KEY (locality_id, id),
    CONSTRAINT fk_good_life_conversations_households_locality_id_household_id FOREIGN KEY (locality_id, household_id) REFERENCES households (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_good_life_conversations_people_locality_id_person_id FOREIGN KEY (locality_id, person_id) REFERENCES people (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_good_life_conversations_supports_locality_id_support_id FOREIGN KEY (locality_id, support_id) REFERENCES supports (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_good_life_conversations_workers_held_by_worker_id FOREIGN KEY (held_by_worker_id) REFERENCES workers (id) ON DELETE RESTRICT
);

CREATE TABLE involvements (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    support_id uuid NOT NULL,
    kind integer NOT NULL,
    worker_id integer,
    directory_entry_id uuid,
    why text NOT NULL,
    "from" date NOT NULL,
    added_by character varying(200) NOT NULL,
    removed_utc timestamp with time zone,
    removed_by character varying(200),
    CONSTRAINT pk_involvements PRIMARY KEY (locality_id, id),
    CONSTRAINT "fk_involvements_directory_entries_locality_id_directory_entry_~" FOREIGN KEY (locality_id, directory_entry_id) REFERENCES directory_entries (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_involvements_supports_locality_id_support_id FOREIGN KEY (locality_id, support_id) REFERENCES supports (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_involvements_workers_worker_id FOREIGN KEY (worker_id) REFERENCES workers (id) ON DELETE RESTRICT
);

CREATE TABLE team_actions (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    support_id uuid NOT NULL,
    person_id uuid NOT NULL,
    what text NOT NULL,
    kind integer NOT NULL,
    worker_id integer,
    directory_entry_id uuid,
    "when" date NOT NULL,
    what_mattered_id uuid,
    cost numeric(18,2),
    unit_cost_id integer,
    done_on date,
    record_id uuid,
    added_by character varying(200) NOT NULL,
    added_utc timestamp with time zone NOT NULL,
    version integer NOT NULL,
    removed_utc timestamp with time zone,
    removed_by character varying(200),
    CONSTRAINT pk_team_actions PRIMARY KEY (locality_id, id),
    CONSTRAINT "fk_team_actions_directory_entries_locality_id_directory_entry_~" FOREIGN KEY (locality_id, directory_entry_id) REFERENCES directory_entries (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_team_actions_people_locality_id_person_id FOREIGN KEY (locality_id, person_id) REFERENCES people (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_team_actions_supports_locality_id_support_id FOREIGN KEY (locality_id, support_id) REFERENCES supports (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_team_actions_unit_costs_unit_cost_id FOREIGN KEY (unit_cost_id) REFERENCES unit_costs (id) ON DELETE RESTRICT,
    CONSTRAINT fk_team_actions_what_mattered_locality_id_what_mattered_id FOREIGN KEY (locality_id, what_mattered_id) REFERENCES what_mattered (locality_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_team_actions_workers_worker_id FOREIGN KEY (worker_id) REFERENCES workers (id) ON DELETE RESTRICT
);

CREATE INDEX ix_avoided_locality_id_support_id ON avoided (locality_id, support_id);

CREATE INDEX ix_directory_entries_locality_id_name ON directory_entries (locality_id, name);

CREATE INDEX ix_directory_entries_street_id ON directory_entries (street_id);

CREATE INDEX ix_good_life_conversations_held_by_worker_id ON good_life_conversations (held_by_worker_id);

CREATE INDEX ix_good_life_conversations_locality_id_household_id ON good_life_conversations (locality_id, household_id);

CREATE INDEX ix_good_life_conversations_locality_id_person_id_held_on ON good_life_conversations (locality_id, person_id, held_on);

CREATE INDEX ix_good_life_conversations_locality_id_support_id ON good_life_conversations (locality_id, support_id);

CREATE INDEX ix_involvements_locality_id_directory_entry_id ON involvements (locality_id, directory_entry_id);

CREATE INDEX ix_involvements_locality_id_support_id ON involvements (locality_id, support_id);

CREATE INDEX ix_involvements_worker_id_locality_id ON involvements (worker_id, locality_id);

CREATE INDEX ix_locality_teams_agency_id ON locality_teams (agency_id);

CREATE INDEX ix_locality_teams_team_id ON locality_teams (team_id);

CREATE INDEX ix_named_workers_locality_id_household_id ON named_workers (locality_id, household_id);

CREATE INDEX ix_named_workers_locality_id_person_id ON named_workers (locality_id, person_id);

CREATE INDEX ix_named_workers_worker_id_locality_id ON named_workers (worker_id, locality_id);

CREATE INDEX ix_supports_key_worker_id_locality_id ON supports (key_worker_id, locality_id);

CREATE INDEX ix_supports_locality_id_household_id ON supports (locality_id, household_id);

CREATE INDEX ix_supports_locality_id_person_id ON supports (locality_id, person_id);

CREATE INDEX ix_team_actions_locality_id_directory_entry_id ON team_actions (locality_id, directory_entry_id);

CREATE INDEX ix_team_actions_locality_id_person_id ON team_actions (locality_id, person_id);

CREATE INDEX ix_team_actions_locality_id_support_id_when ON team_actions (locality_id, support_id, "when");

CREATE INDEX ix_team_actions_locality_id_what_mattered_id ON team_actions (locality_id, what_mattered_id);

CREATE INDEX ix_team_actions_unit_cost_id ON team_actions (unit_cost_id);

CREATE INDEX ix_team_actions_worker_id ON team_actions (worker_id);

CREATE INDEX ix_what_mattered_locality_id_conversation_id ON what_mattered (locality_id, conversation_id);

CREATE UNIQUE INDEX ix_workers_user_id ON workers (user_id);
