#!/usr/bin/env bash
# Creates the four Flux databases, each owned by its own login role that no other role can open.
# Safe to run again. Used by ./flux, by docker-compose (docker-entrypoint-initdb.d) and by tests.
# Connection: the usual PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD) of a superuser.
# Passwords: FLUX_AUTH_DB_PASSWORD, FLUX_USER_DB_PASSWORD, FLUX_NOTIFICATION_DB_PASSWORD, FLUX_CHAT_DB_PASSWORD
# (default: the role's name, for development only).
# FLUX_DATABASE_SERVICES overrides which services get one (./flux test adds its test databases).
set -euo pipefail

for service in ${FLUX_DATABASE_SERVICES:-auth user notification chat}; do
	role="flux_${service}"
	password_variable="FLUX_${service^^}_DB_PASSWORD"
	password="${!password_variable:-$role}"
	psql -v ON_ERROR_STOP=1 --no-psqlrc -X -q -d "${PGDATABASE:-${POSTGRES_DB:-postgres}}" \
		-v role="$role" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD %L', :'role', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'role', :'role')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'role') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'role') \gexec
SELECT format('GRANT ALL ON DATABASE %I TO %I', :'role', :'role') \gexec
SQL
done
