-- Access keys: credentials a customer's servers use instead of a person's password (cookie "accesskey" or
-- ?accesskey=). Only a hash of the secret is kept; the secret itself is shown once, when the key is made.
create table customer_accesskeys (
    id           uuid primary key,
    customer_id  uuid         not null,
    name         varchar(255) not null default '',
    detail       text         not null default '',
    -- What the key may do in its customer: agent permission bits, never more than its creator held.
    permission   bigint       not null,
    -- SHA-256 of the whole secret (see accesskey/AccessKeySecrets for why a fast unsalted hash is enough).
    token_hash   bytea        not null,
    -- The secret's first characters, shown in lists so a person can tell keys apart.
    token_prefix varchar(16)  not null,
    -- The agent (or key) that made it: kept for the record, the key does not depend on it.
    created_by   uuid         not null,
    tm_expire    timestamptz  not null,
    tm_create    timestamptz  not null,
    tm_update    timestamptz,
    tm_delete    timestamptz,
    constraint customer_accesskeys_permission_check check (permission between 0 and 65535)
);

-- Every authenticated request with a key looks it up by hash.
create unique index customer_accesskeys_token_hash_key on customer_accesskeys (token_hash);
-- The list: one customer's live keys, newest first, keyset-paginated on (tm_create, id).
create index customer_accesskeys_customer_list_idx on customer_accesskeys (customer_id, tm_create desc, id desc)
    where tm_delete is null;
