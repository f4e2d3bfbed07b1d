#!/usr/bin/env bash
# The whole test suite, unit and integration, on a fresh Debian machine: installs the one system package the
# tests need when it is missing (python3-dkim, the independent verifier of Postage's DKIM signatures), then runs
# Maven. Needs Java 17+ and Maven; WildFly comes from Maven Central.
set -euo pipefail
cd "$(dirname "$0")"

if ! /usr/bin/python3 -c 'import dkim' 2>/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-dkim
fi

exec mvn -B -ntp clean verify "$@"
