#!/usr/bin/python3
"""Checks the DKIM signature of one message with dkimpy (Debian's python3-dkim), an
implementation independent of Homeroom's, answering its DNS query from the command line.

    dkim_verify.py MESSAGE.eml NAME RECORD

NAME is where the key would be published ("hr2026._domainkey.riverside.example.org"), RECORD the
TXT record ("v=DKIM1; k=rsa; p=MIIB..."); any other name gets no answer. Prints "pass" and exits
0 when every signature verifies, prints "fail" and dkimpy's reasons and exits 1 otherwise.
"""
import logging
import sys

import dkim


def main():
    path, name, record = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(path, "rb") as f:
        message = f.read()

    def dnsfunc(query, timeout=5):
        return record.encode() if query.rstrip(b".") == name.encode() else b""

    logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(message)s")
    logger = logging.getLogger("dkim")
    d = dkim.DKIM(message, logger=logger)
    signatures = [h for h in d.headers if h[0].lower() == b"dkim-signature"]
    if not signatures:
        print("fail: no DKIM-Signature")
        return 1
    ok = True
    for i in range(len(signatures)):
        try:
            ok = d.verify(idx=i, dnsfunc=dnsfunc) and ok
        except dkim.DKIMException as e:
            print("error:", e)
            ok = False
    print("pass" if ok else "fail")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
