#!/bin/sh
# One PostgreSQL database and one owning login role per service, created on the first start
# of an empty data volume (the postgres image runs /docker-entrypoint-initdb.d/ only then).
#
# The role, password and database are read from the same DATABASE_URL secrets the services
# use (postgresql+asyncpg://<role>:<password>@postgres:5432/<database>), so each password is
# written down once, in deploy/compose/.env. Passwords must be URL-safe (hex, say): they are
# used verbatim inside a URL.
set -eu

create_service_database() {
    secret_file="$1"
    if [ ! -s "$secret_file" ]; then
        echo "initdb: $secret_file is missing or empty" >&2
        exit 1
    fi
    url=$(cat "$secret_file")
    rest=${url#*://}             # <role>:<password>@<host>:<port>/<database>?<query>
    credentials=${rest%%@*}
    role=${credentials%%:*}
    password=${credentials#*:}
    database=${rest##*/}
    database=${database%%\?*}
    if [ -z "$role" ] || [ -z "$password" ] || [ "$password" = "$credentials" ] || [ -z "$database" ]; then
        echo "initdb: $secret_file is not postgresql+asyncpg://<role>:<password>@<host>/<database>" >&2
        exit 1
    fi
    echo "initdb: database $database owned by role $role"
    psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
        -v role="$role" -v password="$password" -v database="$database" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

for secret_file in \
    /run/secrets/CARE_STATUS_DATABASE_URL \
    /run/secrets/INCIDENTS_DATABASE_URL \
    /run/secrets/NOTIFY_DATABASE_URL; do
    create_service_database "$secret_file"
done
