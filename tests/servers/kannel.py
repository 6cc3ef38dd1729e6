#!/usr/bin/python3
"""A real SMS gateway for Homeroom's tests and benchmark: Kannel (bearerbox + smsbox) with two
fake SMSCs, all on 127.0.0.1 with free ports, configured in DIR.

  out   the SMSC every outgoing text is routed to; a fakesmsc process that prints each
        message it receives to DIR/fakesmsc.log ("Got message N: <from to text|ucs-2 ...>")
        and acknowledges it, so Kannel sends delivery reports (8, then 1)
  in    a second SMSC that takes no outgoing traffic; `--inject FROM TEXT` (run as a separate
        command with the same --dir) connects a short-lived fakesmsc to it and sends one
        inbound text, which smsbox forwards to --mo-url

  --dir D             configuration, logs and DIR/ports.json ({"sendsms", "admin", "in"})
  --mo-url URL        where inbound texts go (GET URL?from=..&to=..&text=..; URL may have a
                      query of its own, e.g. ?key=...); default none
  --deny-prefix P     numbers starting with P are not routable (sendsms answers 403, as an
                      operator refusing a number would) — for permanent-failure tests
  --ready-file F      written once the SMSC shows "online" in status.txt

Runs until SIGTERM or SIGINT; stops smsbox, fakesmsc and bearerbox by PID. Works as root.
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

FAKESMSC = "/usr/lib/kannel/test/fakesmsc"
USER, PASSWORD, ADMIN_PASSWORD = "homeroom", "secret", "admin"


def free_ports(n):
    socks, ports = [], []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    return ports


def wait_port(port, timeout):
    until = time.time() + timeout
    while time.time() < until:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def config(d, ports, mo_url, deny_prefix):
    admin, smsbox, sendsms, out_port, in_port = ports
    log = lambda name: os.path.join(d, name)
    groups = [
        f"""group = core
admin-port = {admin}
admin-password = {ADMIN_PASSWORD}
admin-interface = 127.0.0.1
admin-allow-ip = 127.0.0.1
smsbox-port = {smsbox}
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "{log('bearerbox.log')}"
log-level = 1
access-log = "{log('access.log')}"
dlr-storage = internal
sms-resend-retry = 0
""",
        f"""group = smsc
smsc = fake
smsc-id = out
port = {out_port}
our-host = 127.0.0.1
connect-allow-ip = 127.0.0.1
denied-smsc-id = in
""" + (f"denied-prefix = {deny_prefix}\n" if deny_prefix else ""),
        f"""group = smsc
smsc = fake
smsc-id = in
allowed-smsc-id = in
port = {in_port}
our-host = 127.0.0.1
connect-allow-ip = 127.0.0.1
""",
        f"""group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = {smsbox}
sendsms-port = {sendsms}
sendsms-interface = 127.0.0.1
global-sender = 12345
mo-recode = true
log-file = "{log('smsbox.log')}"
log-level = 1
access-log = "{log('smsbox-access.log')}"
""",
        f"""group = sendsms-user
username = {USER}
password = {PASSWORD}
concatenation = true
max-messages = 10
""",
    ]
    if mo_url:
        # The URL may carry its own query already (Homeroom's /mo wants ?key=...).
        join = "&" if "?" in mo_url else "?"
        groups.append(f"""group = sms-service
keyword = default
catch-all = true
get-url = "{mo_url}{join}from=%p&to=%P&text=%a&coding=%c&charset=%C&id=%I"
max-messages = 0
accept-x-kannel-headers = true
""")
    return "\n".join(groups)


def status_online(admin):
    try:
        url = f"http://127.0.0.1:{admin}/status.txt?password={ADMIN_PASSWORD}"
        text = urllib.request.urlopen(url, timeout=1).read().decode("utf-8", "replace")
    except OSError:
        return False
    # The outgoing SMSC is online once its fakesmsc connected; the inbound one only while a
    # text is being injected (a fake SMSC takes one client at a time).
    return any(l.strip().startswith("out[") and "online" in l for l in text.splitlines())


def inject(d, sender, text):
    ports = json.load(open(os.path.join(d, "ports.json")))
    p = subprocess.Popen([FAKESMSC, "-H", "127.0.0.1", "-r", str(ports["in"]), "-m", "1",
                          f"{sender} 12345 text {text}"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # fakesmsc does not exit by itself once it has sent
    p.terminate()
    p.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--mo-url", default="")
    ap.add_argument("--deny-prefix", default="")
    ap.add_argument("--ready-file", default="")
    ap.add_argument("--inject", nargs=2, metavar=("FROM", "TEXT"))
    args = ap.parse_args()
    d = os.path.abspath(args.dir)
    if args.inject:
        inject(d, *args.inject)
        return 0
    os.makedirs(d, exist_ok=True)
    ports = free_ports(5)
    admin, smsbox, sendsms, out_port, in_port = ports
    conf = os.path.join(d, "kannel.conf")
    with open(conf, "w") as f:
        f.write(config(d, ports, args.mo_url, args.deny_prefix))
    with open(os.path.join(d, "ports.json"), "w") as f:
        json.dump({"sendsms": sendsms, "admin": admin, "in": in_port, "out": out_port,
                   "username": USER, "password": PASSWORD}, f)

    procs = {}
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def spawn(name, argv, out=None):
        log = open(out or os.path.join(d, name + ".out"), "ab")
        procs[name] = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True)

    try:
        spawn("bearerbox", ["/usr/sbin/bearerbox", conf])
        if not wait_port(smsbox, 15):
            raise RuntimeError("bearerbox did not open its smsbox port")
        spawn("smsbox", ["/usr/sbin/smsbox", conf])
        if not wait_port(sendsms, 15):
            raise RuntimeError("smsbox did not open its sendsms port")
        spawn("fakesmsc", [FAKESMSC, "-H", "127.0.0.1", "-r", str(out_port), "-m", "0",
                           "0 0 text x"], os.path.join(d, "fakesmsc.log"))
        until = time.time() + 20
        while not status_online(admin):
            if time.time() > until or stopping:
                raise RuntimeError("the fake SMSCs did not come online")
            time.sleep(0.1)
        if args.ready_file:
            with open(args.ready_file + ".tmp", "w") as f:
                f.write(str(sendsms))
            os.rename(args.ready_file + ".tmp", args.ready_file)
        while not stopping:
            if any(p.poll() is not None for p in procs.values()):
                print("kannel.py: a Kannel process exited", file=sys.stderr)
                break
            time.sleep(0.1)
    finally:
        for name in ("smsbox", "fakesmsc", "bearerbox"):
            p = procs.get(name)
            if p and p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
