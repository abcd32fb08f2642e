-- LocalFlow schema version 30 (postgres): sign-in with the organisation's identity provider, matched by issuer and subject (issue 14, item 15)
-- Written by hand after `localflow schema script --provider postgres`, then checked by SchemaTests. Depends on version 1 (users). See docs/security.md.

CREATE TABLE external_logins (
    issuer character varying(500) NOT NULL,
    subject character varying(255) NOT NULL,
    user_id integer NOT NULL,
    created_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_external_logins PRIMARY KEY (issuer, subject),
    CONSTRAINT fk_external_logins_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_external_logins_user_id ON external_logins (user_id);
