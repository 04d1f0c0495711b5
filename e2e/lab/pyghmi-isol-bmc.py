#!/usr/bin/python3
"""A lab BMC with IPMI v1.5 Serial over LAN configuration (the "ISOL" commands of NetFn 0x34), built on
pyghmi's software BMC, because ipmi_sim answers them with 0xC1 (invalid command). It exists so that
`isol info` and `isol set` can be compared with ipmitool 1.8.19 on a BMC that has them, and writes read
back by ipmitool.

State lives in memory, laid out as the IPMI v1.5 SOL addendum and ipmitool's lib/ipmi_isol.c use it:
  * Get ISOL Configuration (0x04): request [0x00, parameter, set, block]; reply [0x11 revision, value];
  * Set ISOL Configuration (0x03): request [0x00, parameter, value]; parameters 1 (enable, bit 0),
    2 (authentication: bits 3:0 privilege 2-5, bit 7 kept as written) and 5 (bit rate 0x06-0x0A);
    another value is refused with 0xCC, another parameter with 0x80;
  * Activate ISOL (0x01): refused with 0x81 ("ISOL disabled") while disabled, 0x80 ("already active")
    otherwise: no SOL data stream is served.

Usage: pyghmi-isol-bmc.py [--port 0] [--enabled 0|1] [--auth 0x84] [--bit-rate 0x0a]; "name:password"
lines on stdin; binds 127.0.0.1 only and prints "READY <port>" once listening.
"""
import argparse

import pyghmi.ipmi.bmc as bmc

import pyghmi_lab  # also applies pyghmi_close_fix

NETFN_ISOL = 0x34


class IsolBmc(bmc.Bmc):
    def __init__(self, users, port, enabled, auth, bit_rate):
        super().__init__(users, port=port, address='127.0.0.1')
        self.params = {1: enabled, 2: auth, 5: bit_rate}

    def handle_raw_request(self, request, session):
        if request['netfn'] != NETFN_ISOL:
            return super().handle_raw_request(request, session)
        data = list(request['data'])
        handler = {0x01: self.activate, 0x03: self.set_config, 0x04: self.get_config}.get(request['command'])
        if handler is None:
            return session.send_ipmi_response(code=0xc1)
        code, reply = handler(data)
        session.send_ipmi_response(code=code, data=reply)

    def get_config(self, data):
        if len(data) != 4:
            return 0xc7, []
        if data[1] not in self.params:
            return 0x80, []
        return 0, [0x11, self.params[data[1]]]

    def set_config(self, data):
        if len(data) != 3:
            return 0xc7, []
        param, value = data[1], data[2]
        if param == 1 and value in (0, 1):
            self.params[1] = value
        elif param == 2 and (value & 0x0f) in (2, 3, 4, 5) and not value & 0x70:
            self.params[2] = value
        elif param == 5 and 0x06 <= value <= 0x0a:
            self.params[5] = value
        elif param in self.params:
            return 0xcc, []
        else:
            return 0x80, []
        return 0, []

    def activate(self, data):
        if len(data) != 5:
            return 0xc7, []
        return (0x80 if self.params[1] & 1 else 0x81), []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--enabled', type=int, default=1)
    ap.add_argument('--auth', type=lambda s: int(s, 0), default=0x84)
    ap.add_argument('--bit-rate', type=lambda s: int(s, 0), default=0x0a)
    pyghmi_lab.serve(lambda users, args: IsolBmc(users, args.port, args.enabled, args.auth, args.bit_rate), ap)


if __name__ == '__main__':
    main()
