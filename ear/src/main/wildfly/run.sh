#!/usr/bin/env bash
# Starts the server the build prepared, in the foreground, with the EAR deployed. Its data (database, message
# journal, TLS key) lives in POSTAGE_DATA_DIR, outside the build output, so 'mvn clean' keeps accounts and mail.
set -euo pipefail
wildfly_dir=$1
ear=$2
data_dir=${POSTAGE_DATA_DIR:-$HOME/.postage/data}
mkdir -p "$data_dir"
cp "$ear" "$wildfly_dir/standalone/deployments/postage.ear"
# WildFly's default heap (512 MiB) is small for 25 MiB messages on many sessions at once.
export JBOSS_JAVA_SIZING=${JBOSS_JAVA_SIZING:--Xms256m -Xmx1g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m}
echo "Postage: data in $data_dir; SMTP on port ${POSTAGE_SMTP_PORT:-2525} (STARTTLS) and ${POSTAGE_SMTPS_PORT:-2465}" \
    "(implicit TLS), HTTP on ${POSTAGE_HTTP_PORT:-8080}"
exec "$wildfly_dir/bin/standalone.sh" -c standalone-full.xml \
    -Djboss.server.data.dir="$data_dir" \
    -Djboss.http.port="${POSTAGE_HTTP_PORT:-8080}" \
    -Djboss.bind.address="${POSTAGE_HTTP_BIND_ADDRESS:-127.0.0.1}"
