#!/usr/bin/python3
"""Stock pyghmi software BMC (the engine of OpenStack VirtualBMC), with only the power state it needs to
answer Get Chassis Status. Its RMCP+ server answers every Open Session proposal with cipher suite 3's
algorithms and ignores a RAKP 1 for a user it does not know: the login quirks BMC Desk must handle.

Usage: pyghmi-plain-bmc.py [--port 0]; "name:password" lines on stdin; binds 127.0.0.1 only and prints
"READY <port>" once listening.
"""

import pyghmi.ipmi.bmc as bmc

import pyghmi_lab  # also applies pyghmi_close_fix


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
    pyghmi_lab.serve(lambda users, args: PlainBmc(users, args.port))


if __name__ == '__main__':
    main()
