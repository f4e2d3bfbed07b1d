#!/usr/bin/python3
"""Verifies the DKIM signature of one message with Debian's python3-dkim (dkimpy), an implementation independent of
Postage's signer. The public key record comes from the command line, not from DNS.

usage: verify_dkim.py MESSAGE_FILE SELECTOR DOMAIN TXT_VALUE
exit status: 0 verified, 1 not verified (dkimpy's reasons on stderr), 2 cannot verify (python3-dkim missing, usage)
"""
import logging
import sys

try:
    import dkim
except ImportError:
    print("python3-dkim is not installed for %s: apt-get install -y python3-dkim" % sys.executable, file=sys.stderr)
    sys.exit(2)


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    path, selector, domain, txt = argv[1:]
    key_name = ("%s._domainkey.%s." % (selector, domain)).encode("ascii").lower()

    def dnsfunc(name, timeout=5):
        # Only the test's key exists; any other name answers like NXDOMAIN.
        return txt.encode("ascii") if name.lower() == key_name else None

    with open(path, "rb") as f:
        message = f.read()
    logger = logging.getLogger("dkim")
    logger.addHandler(logging.StreamHandler(sys.stderr))
    logger.setLevel(logging.DEBUG)
    verified = dkim.verify(message, logger=logger, dnsfunc=dnsfunc)
    print("pass" if verified else "fail")
    return 0 if verified else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
