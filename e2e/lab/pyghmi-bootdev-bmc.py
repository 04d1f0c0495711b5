#!/usr/bin/python3
"""A chassis-complete lab BMC on pyghmi's software BMC, for the chassis commands ipmi_sim lacks or
simplifies: Set Power Restore Policy (ipmi_sim answers 0xC1), Get POH Counter and Get System Restart
Cause (0xC1 on ipmi_sim), and System Boot Options that keep all five boot-flag bytes (ipmi_sim keeps
only the device, so persistent/EFI/CMOS-clear cannot be read back from it).

State lives in memory; every command is answered from it as IPMI v2.0 section 28 lays it out:
  * Get Chassis Status: power bit, restore policy in bits 6:5, "powered on by command" after a power-up;
  * Set Power Restore Policy: 0-2 set, 3 queries; the reply is the supported mask 0x07;
  * Get System Restart Cause: cause 1 (chassis control) after any Chassis Control, else 0; channel 1;
  * Get POH Counter: 60 minutes per count, counter = --poh (default 12345);
  * Close Session frees the session (pyghmi keeps it, see forget_closed_session);
  * Boot options: parameter 0 (set in progress, with the spec's 0x81 when setting "in progress" twice),
    3 (valid bit clearing, bits 4:0 kept as written), 4 (acknowledge, stored as written through its
    mask), 5 (all five bytes kept as written).
  * Cold Reset / Warm Reset (NetFn App 0x02 / 0x03): answered, then the BMC "reboots": nothing it
    would answer through handle_raw_request (Get Device ID, chassis commands) gets a reply for
    --reset-down seconds (default 5), as a real BMC is silent while it restarts.

Usage: pyghmi-bootdev-bmc.py [--port 0] [--poh N] [--reset-down S]; "name:password" lines on stdin; binds 127.0.0.1
only and prints "READY <port>" once listening.
"""
import argparse
import time

import pyghmi.ipmi.bmc as bmc

import pyghmi_lab  # also applies pyghmi_close_fix

CHASSIS = 0x00
APP = 0x06




class ChassisBmc(bmc.Bmc):
    def __init__(self, users, port, poh, reset_down=5.0):
        super().__init__(users, port=port, address='127.0.0.1')
        self.power = 0
        self.policy = 0
        self.on_by_command = False
        self.restart_cause = 0
        self.poh = poh
        self.in_progress = 0
        self.ack = 0x1f
        self.flags = [0, 0, 0, 0, 0]
        self.valid_clear = 0
        self.reset_down = reset_down
        self.down_until = 0.0

    def handle_raw_request(self, request, session):
        if time.monotonic() < self.down_until:
            return  # restarting after a reset: silent
        if request['netfn'] == APP and request['command'] in (0x02, 0x03):
            session.send_ipmi_response(code=0)
            self.down_until = time.monotonic() + self.reset_down
            return
        if request['netfn'] != CHASSIS:
            return super().handle_raw_request(request, session)
        cmd = request['command']
        data = list(request['data'])
        handler = {
            0x01: self.chassis_status,
            0x02: self.chassis_control,
            0x06: self.restore_policy,
            0x07: self.restart,
            0x08: self.set_boot_option,
            0x09: self.get_boot_option,
            0x0f: self.poh_counter,
        }.get(cmd)
        if handler is None:
            return session.send_ipmi_response(code=0xc1)
        code, reply = handler(data)
        session.send_ipmi_response(code=code, data=reply)

    def chassis_status(self, data):
        return 0, [self.power | (self.policy << 5), 0x10 if self.on_by_command else 0, 0]

    def chassis_control(self, data):
        if len(data) != 1:
            return 0xc7, []
        action = data[0] & 0x0f
        if action > 5:
            return 0xcc, []
        if action in (0, 5):
            self.power = 0
        elif action in (1, 2, 3):
            self.power = 1
            self.on_by_command = True
        self.restart_cause = 1
        return 0, []

    def restore_policy(self, data):
        if len(data) != 1:
            return 0xc7, []
        p = data[0] & 0x07
        if p > 3:
            return 0xcc, []
        if p != 3:
            self.policy = p
        return 0, [0x07]

    def restart(self, data):
        return 0, [self.restart_cause, 1]

    def poh_counter(self, data):
        return 0, [60] + list(self.poh.to_bytes(4, 'little'))

    def set_boot_option(self, data):
        if not data:
            return 0xc7, []
        param, value = data[0] & 0x7f, data[1:]
        if param == 0:
            if len(value) != 1:
                return 0xc7, []
            state = value[0] & 3
            if state == 1 and self.in_progress == 1:
                return 0x81, []
            self.in_progress = 0 if state == 2 else state
            return 0, []
        if param == 3:
            if len(value) != 1:
                return 0xc7, []
            self.valid_clear = value[0] & 0x1f
            return 0, []
        if param == 4:
            if len(value) != 2:
                return 0xc7, []
            mask, bits = value
            # writing 1 clears the acknowledgement of that agent
            self.ack = (self.ack & ~(mask & bits)) & 0x1f
            return 0, []
        if param == 5:
            if len(value) != 5:
                return 0xc7, []
            self.flags = value
            return 0, []
        return 0x80, []

    def get_boot_option(self, data):
        if len(data) != 3:
            return 0xc7, []
        param = data[0] & 0x7f
        if param == 0:
            return 0, [1, 0, self.in_progress]
        if param == 3:
            return 0, [1, 3, self.valid_clear]
        if param == 4:
            return 0, [1, 4, 0, self.ack]
        if param == 5:
            return 0, [1, 5] + self.flags
        return 0x80, []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--poh', type=int, default=12345)
    ap.add_argument('--reset-down', type=float, default=5.0)
    pyghmi_lab.serve(lambda users, args: ChassisBmc(users, args.port, args.poh, args.reset_down), ap)


if __name__ == '__main__':
    main()
