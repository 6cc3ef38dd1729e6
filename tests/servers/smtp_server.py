#!/usr/bin/python3
"""A real SMTP server for Homeroom's tests, built on aiosmtpd (Debian: python3-aiosmtpd).

Saves every accepted message to a Maildir (DIR/new/*.eml, written to DIR/tmp first and
renamed, so a file in new/ is always complete), with "Return-Path:" and one "Delivered-To:"
line per recipient prepended, as a local delivery agent would.

  --port 0 --ready-file F   pick a free port and write it to F once listening
  --tls-cert C --tls-key K  offer STARTTLS (and then require it)
  --auth USER:PASSWORD      require AUTH (PLAIN or LOGIN; LOGIN prompts "Username:", the prompt
                            Poco's SMTPClientSession expects — aiosmtpd's own "User Name"
                            makes Poco skip the user name)
  --tempfail ADDR           answer RCPT TO:<ADDR> with 451 the first time, then accept
  --reject ADDR             answer RCPT TO:<ADDR> with 550 every time
  --deny-relay              answer every RCPT TO with 554 5.7.1 Relay access denied
  --refuse-sender REPLY     answer every MAIL FROM with REPLY (e.g. "530 5.7.0 Must issue a
                            STARTTLS command first")
  --drop-after N            close each connection right after accepting its N-th message
  --drop-before-reply       ... or, with --drop-after, save the N-th message and close without
                            answering (the client cannot know it was accepted)

Runs until SIGTERM or SIGINT.
"""

import argparse
import asyncio
import os
import signal
import socket
import ssl
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class PromptingSMTP(SMTP):
    AuthLoginUsernameChallenge = "Username:"
    AuthLoginPasswordChallenge = "Password:"


class MaildirHandler:
    def __init__(self, args):
        self.maildir = args.maildir
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(self.maildir, sub), exist_ok=True)
        self.tempfail = {a.lower() for a in args.tempfail}
        self.tempfailed = set()
        self.reject = {a.lower() for a in args.reject}
        self.drop_after = args.drop_after
        self.drop_before_reply = args.drop_before_reply
        self.refuse_sender = args.refuse_sender
        self.deny_relay = args.deny_relay
        self.sequence = 0

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.refuse_sender:
            return self.refuse_sender
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        key = address.lower()
        if self.deny_relay:
            return "554 5.7.1 <%s>: Relay access denied" % address
        if key in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
        if key in self.tempfail and key not in self.tempfailed:
            self.tempfailed.add(key)
            return "451 4.2.0 <%s>: Recipient address deferred: try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    def save(self, envelope):
        self.sequence += 1
        name = "%d.%06d.%d.eml" % (time.time_ns(), self.sequence, os.getpid())
        head = "Return-Path: <%s>\r\n" % envelope.mail_from
        head += "".join("Delivered-To: %s\r\n" % r for r in envelope.rcpt_tos)
        temporary = os.path.join(self.maildir, "tmp", name)
        with open(temporary, "wb") as f:
            f.write(head.encode("ascii", "replace"))
            f.write(envelope.original_content)
        os.rename(temporary, os.path.join(self.maildir, "new", name))
        return name

    async def handle_DATA(self, server, session, envelope):
        accepted = getattr(session, "homeroom_accepted", 0) + 1
        session.homeroom_accepted = accepted
        name = self.save(envelope)
        if self.drop_after and accepted >= self.drop_after:
            if self.drop_before_reply:
                server.transport.abort()
                return "250 2.0.0 Ok (never seen)"
            # After this reply is written: close() flushes what is buffered first.
            asyncio.get_running_loop().call_soon(server.transport.close)
        return "250 2.0.0 Ok: queued as %s" % name


class BoundController(Controller):
    """A Controller that serves on a socket already bound (port 0 = any free port)."""

    def __init__(self, handler, sock, **kwargs):
        self.sock = sock
        host, port = sock.getsockname()[:2]
        super().__init__(handler, hostname=host, port=port, **kwargs)

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self.sock)

    def factory(self):
        return PromptingSMTP(self.handler, **self.SMTP_kwargs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--ready-file")
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--auth")
    parser.add_argument("--tempfail", action="append", default=[])
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--refuse-sender")
    parser.add_argument("--deny-relay", action="store_true")
    parser.add_argument("--drop-after", type=int, default=0)
    parser.add_argument("--drop-before-reply", action="store_true")
    args = parser.parse_args()

    smtp_kwargs = {"server_hostname": "homeroom-test-smtp"}
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        smtp_kwargs.update(tls_context=context, require_starttls=True)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
                  and auth_data.password == password.encode())
            # handled=False: aiosmtpd then answers 535 itself (True would leave it silent).
            return AuthResult(success=ok, handled=False)

        smtp_kwargs.update(authenticator=authenticate, auth_required=True,
                           auth_require_tls=bool(args.tls_cert))

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(128)
    sock.setblocking(False)

    controller = BoundController(MaildirHandler(args), sock, **smtp_kwargs)
    controller.start()
    port = sock.getsockname()[1]
    if args.ready_file:
        temporary = args.ready_file + ".tmp"
        with open(temporary, "w") as f:
            f.write("%d\n" % port)
        os.rename(temporary, args.ready_file)
    print("listening on %s:%d" % (args.host, port), file=sys.stderr, flush=True)

    stop = threading.Event()
    for s in (signal.SIGTERM, signal.SIGINT):
        signal.signal(s, lambda *_: stop.set())
    while not stop.wait(1):
        pass
    controller.stop()


if __name__ == "__main__":
    main()
