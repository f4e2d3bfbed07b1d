#!/usr/bin/env bash
# The whole test suite, unit and integration, on a fresh Debian machine: installs the system packages the tests
# need when they are missing (python3-dkim, the independent verifier of Postage's DKIM signatures; openssl, a TLS
# client other than Java's; Node.js and npm, which run nodemailer as a real client), then runs Maven, which installs
# nodemailer itself with npm ci from the committed lock file. Needs Java 17+ and Maven; WildFly comes from Maven
# Central.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
/usr/bin/python3 -c 'import dkim' 2>/dev/null || missing+=(python3-dkim)
command -v openssl >/dev/null || missing+=(openssl)
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

exec mvn -B -ntp clean verify "$@"
