-- The tenant that owns a job (NULL: submitted while the service ran open). Additive and nullable, so replicas of
-- the previous version keep inserting and reading while a rolling update is under way.
ALTER TABLE solve_job ADD COLUMN tenant VARCHAR(80);

CREATE INDEX solve_job_tenant ON solve_job (tenant, status, created_at);
