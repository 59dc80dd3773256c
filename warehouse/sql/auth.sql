-- Users, roles and server-side sessions of the dashboard (warehouse/users.py).
create schema if not exists auth;

create table if not exists auth.users (
    user_id bigserial primary key,
    email text not null unique check (email = lower(email) and position('@' in email) > 1),
    role text not null check (role in ('admin', 'editor', 'analista', 'lector')),
    entity_code text,
    password_hash text,
    is_active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    last_login_at timestamptz,
    check (role <> 'editor' or entity_code is not null)
);

-- One row per login; the cookie holds a random token whose SHA-256 is the key here, so a copy
-- of this table cannot be replayed as a cookie. Logout, disabling the user or expiry ends it.
create table if not exists auth.sessions (
    session_hash text primary key,
    user_id bigint not null references auth.users (user_id) on delete cascade,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index if not exists sessions_user_idx on auth.sessions (user_id);

-- Who did what: logins (ok or failed), users created, disabled or given a new password.
create table if not exists auth.events (
    event_id bigserial primary key,
    occurred_at timestamptz not null default now(),
    email text,
    event text not null,
    detail text,
    client_address text
);
