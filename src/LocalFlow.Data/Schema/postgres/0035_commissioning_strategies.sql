-- LocalFlow schema version 35 (postgres): commissioning strategies assembled from approved commissioning questions
-- (issue 13, item 7). Written by hand after `localflow schema script --provider postgres`, then checked by SchemaTests.

CREATE TABLE commissioning_strategies (
    id uuid NOT NULL,
    locality_id integer NOT NULL,
    title character varying(300) NOT NULL,
    purpose character varying(2000) NOT NULL,
    owner_group_id integer,
    updated_by character varying(200) NOT NULL,
    updated_utc timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_commissioning_strategies PRIMARY KEY (id),
    CONSTRAINT fk_commissioning_strategies_commissioning_groups_owner_group_id FOREIGN KEY (owner_group_id) REFERENCES commissioning_groups (id) ON DELETE RESTRICT,
    CONSTRAINT fk_commissioning_strategies_localities_locality_id FOREIGN KEY (locality_id) REFERENCES localities (id) ON DELETE CASCADE
);

CREATE TABLE strategy_questions (
    strategy_id uuid NOT NULL,
    question_id uuid NOT NULL,
    locality_id integer NOT NULL,
    CONSTRAINT pk_strategy_questions PRIMARY KEY (strategy_id, question_id),
    CONSTRAINT "fk_strategy_questions_commissioning_questions_locality_id_quest~" FOREIGN KEY (locality_id, question_id) REFERENCES commissioning_questions (locality_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_strategy_questions_commissioning_strategies_strategy_id FOREIGN KEY (strategy_id) REFERENCES commissioning_strategies (id) ON DELETE CASCADE
);

CREATE INDEX ix_commissioning_strategies_locality_id ON commissioning_strategies (locality_id);

CREATE INDEX ix_commissioning_strategies_owner_group_id ON commissioning_strategies (owner_group_id);

CREATE INDEX ix_strategy_questions_locality_id_question_id ON strategy_questions (locality_id, question_id);
