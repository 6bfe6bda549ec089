#!/usr/bin/env python3
"""A tiny SMTP server for tests: accepts every message on 127.0.0.1 and writes each one, parsed,
as JSON into a folder (envelope sender and recipients, headers, the text and HTML parts).

Usage: smtp_sink.py FOLDER   -- prints "PORT <n>" once listening on a free port; stops on SIGTERM.
Stdlib only (smtpd/asyncore are deprecated but present in Python 3.11).
"""
import json
import os
import signal
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import asyncore  # noqa: E402
import smtpd  # noqa: E402
from email import policy  # noqa: E402
from email.parser import BytesParser  # noqa: E402


class Sink(smtpd.SMTPServer):
    def __init__(self, folder):
        super().__init__(("127.0.0.1", 0), None, decode_data=False)
        self.folder = folder
        self.count = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        message = BytesParser(policy=policy.default).parsebytes(data)
        parts = {}
        for part in message.walk():
            if part.get_content_type() in ("text/plain", "text/html") and not part.is_multipart():
                parts[part.get_content_type()] = part.get_content()
        record = {
            "mailFrom": mailfrom,
            "rcptTo": rcpttos,
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "contentType": message.get_content_type(),
            "text": parts.get("text/plain"),
            "html": parts.get("text/html"),
            "raw": data.decode("utf-8", "replace"),
        }
        self.count += 1
        path = os.path.join(self.folder, "message-%03d.json" % self.count)
        with open(path + ".tmp", "w") as handle:
            json.dump(record, handle)
        os.rename(path + ".tmp", path)


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    sink = Sink(folder)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # why: a parent may start us with SIGTERM blocked (the mask is inherited); stop must still work.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    print("PORT %d" % sink.socket.getsockname()[1], flush=True)
    try:
        asyncore.loop(timeout=0.2)
    except (KeyboardInterrupt, SystemExit):
        pass


if __name__ == "__main__":
    main()
