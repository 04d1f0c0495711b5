"""Shared start-up of the lab's pyghmi test BMCs (e2e/lab/pyghmi-*.py, ami-firewall-bmc.py).

Every peer takes --port (0: any free port), reads its users as "name:password" lines on stdin so that
credentials never appear in a process listing, prints "READY <port>" once its socket is bound (each BMC
class binds 127.0.0.1 only) and serves until killed. Importing this module also applies
pyghmi_close_fix, so every peer started through serve() has pyghmi's session faults fixed.
"""
import argparse
import sys

import pyghmi_close_fix  # noqa: F401  frees a session slot on Close Session


def password_user(line):
    """A "name:password" line as (name, password); the password may itself contain ':'."""
    name, password = line.split(':', 1)
    return name, password


def serve(make_bmc, parser=None, parse_user=password_user):
    """Parse argv (parser's own arguments plus --port), read the users from stdin, build the BMC with
    make_bmc(users, args), announce its port and listen. users maps name to what parse_user returns."""
    ap = parser if parser is not None else argparse.ArgumentParser()
    ap.add_argument('--port', type=int, default=0)
    args = ap.parse_args()
    users = {}
    for line in sys.stdin:
        line = line.rstrip('\n')
        if line:
            name, value = parse_user(line)
            users[name] = value
    server = make_bmc(users, args)
    sock = server.serversocket
    port = (sock.fd if hasattr(sock, 'fd') else sock).getsockname()[1]
    server.port = port
    print('READY %d' % port, flush=True)
    server.listen()
