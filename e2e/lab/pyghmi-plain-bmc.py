#!/usr/bin/python3
"""Stock pyghmi software BMC (the engine of OpenStack VirtualBMC), with only the power state it needs to
answer Get Chassis Status. Its RMCP+ server answers every Open Session proposal with cipher suite 3's
algorithms and ignores a RAKP 1 for a user it does not know: the login quirks BMC Desk must handle.

Usage: pyghmi-plain-bmc.py [--port 0]; "name:password" lines on stdin; binds 127.0.0.1 only and prints
"READY <port>" once listening.
"""
import argparse
import sys

import pyghmi.ipmi.bmc as bmc

import pyghmi_close_fix  # noqa: F401  frees a session slot on Close Session


class PlainBmc(bmc.Bmc):
    def __init__(self, users, port):
        super().__init__(users, port=port, address='127.0.0.1')
        self.power = 'off'

    def get_power_state(self):
        return self.power

    def power_on(self):
        self.power = 'on'

    def power_off(self):
        self.power = 'off'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--port', type=int, default=0)
    args = ap.parse_args()
    users = {}
    for line in sys.stdin:
        line = line.rstrip('\n')
        if line:
            name, password = line.split(':', 1)
            users[name] = password
    server = PlainBmc(users, args.port)
    sock = server.serversocket
    port = (sock.fd if hasattr(sock, 'fd') else sock).getsockname()[1]
    server.port = port
    print('READY %d' % port, flush=True)
    server.listen()


if __name__ == '__main__':
    main()
