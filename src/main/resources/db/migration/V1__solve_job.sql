-- One row per solve job. Times are epoch milliseconds (UTC) so that H2 and PostgreSQL agree.
CREATE TABLE solve_job (
    id             VARCHAR(36)  PRIMARY KEY,
    kind           VARCHAR(40)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    problem        TEXT         NOT NULL,
    time_limit_ms  BIGINT       NOT NULL,
    solver_name    VARCHAR(80)  NOT NULL,
    solution       TEXT,
    score          VARCHAR(400),
    best_count     INT          DEFAULT 0 NOT NULL,
    error          TEXT,
    created_at     BIGINT       NOT NULL,
    started_at     BIGINT,
    finished_at    BIGINT,
    updated_at     BIGINT       NOT NULL,
    solved_ms      BIGINT       DEFAULT 0 NOT NULL,
    attempts       INT          DEFAULT 0 NOT NULL,
    owner          VARCHAR(80),
    lease_until    BIGINT,
    stop_requested BOOLEAN      DEFAULT FALSE NOT NULL
);

CREATE INDEX solve_job_queue ON solve_job (status, created_at);
CREATE INDEX solve_job_kind ON solve_job (kind, created_at);
