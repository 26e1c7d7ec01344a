#!/usr/bin/env bash
# Starts PgBouncer in transaction pooling mode on 127.0.0.1:6432 in front of PostgreSQL on 127.0.0.1:5432
# (idempotent), as many gateway processes or function instances would share one database. For CI.
set -euo pipefail
dir=/tmp/wu-pgbouncer
port=${PGBOUNCER_PORT:-6432}
if pg_isready -q -h 127.0.0.1 -p "$port"; then exit 0; fi
mkdir -p "$dir"
cat > "$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=5432
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 40
max_db_connections = 80
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
echo '"root" ""' > "$dir/userlist.txt"
# PgBouncer refuses to run as root: run it as the postgres user.
chown -R postgres "$dir"
su postgres -s /bin/sh -c "pgbouncer -d $dir/pgbouncer.ini"
for _ in $(seq 1 20); do pg_isready -q -h 127.0.0.1 -p "$port" && exit 0; sleep 0.5; done
echo "PgBouncer did not start:" >&2
cat "$dir/pgbouncer.log" >&2
exit 1
