-- Login failure budgets, shared by every function instance. One row per budget: a username, a source
-- address, or the pair; failures counted in a fixed window that ends at expires_at.
create table auth_login_failures (
    key        varchar(600) primary key,
    failures   int          not null,
    expires_at timestamptz  not null
);
create index auth_login_failures_expires on auth_login_failures (expires_at);
