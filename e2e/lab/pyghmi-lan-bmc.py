#!/usr/bin/python3
"""A lab BMC whose LAN configuration parameters are all writable, on pyghmi's software BMC, for the
`lan set` writes ipmi_sim refuses or lacks: authentication type enables (parameter 2, read-only there),
BMC ARP control and gratuitous ARP interval (10, 11: absent there), the SNMP community string (16:
acknowledged but not kept there) and the bad password threshold (26).

State lives in memory, laid out as IPMI v2.0 section 23.2 says:
  * Get Channel Info (App 0x42): channel 1 is 802.3 LAN, multi-session; other channels 0xCC;
  * Get LAN Configuration Parameters (0x0C/0x02): [channel, parameter, set, block] ->
    [0x11 revision, data]; parameters it does not keep: 0x80;
  * Set LAN Configuration Parameters (0x0C/0x01): [channel, parameter, data]; the data must have the
    parameter's length (else 0xC7); parameter 1 is read-only (0x82); parameter 0 (set in progress):
    "set in progress" while already in progress is 0x81, "commit write" completes the set.

Usage: pyghmi-lan-bmc.py [--port 0]; "name:password" lines on stdin; binds 127.0.0.1 only and prints
"READY <port>" once listening.
"""

import pyghmi.ipmi.bmc as bmc

import pyghmi_lab  # also applies pyghmi_close_fix

APP = 0x06
TRANSPORT = 0x0c
LAN_CHANNEL = 1

# parameter -> initial data (after the revision byte)
INITIAL = {
    0: [0x00],
    1: [0x17],  # NONE MD2 MD5 PASSWORD supported
    2: [0x14, 0x14, 0x14, 0x14, 0x00],  # MD5 PASSWORD for callback..admin
    3: [192, 0, 2, 20],
    4: [0x01],
    5: [0x02, 0x00, 0x00, 0x00, 0x00, 0x02],
    6: [255, 255, 255, 0],
    7: [0x40, 0x40, 0x10],
    10: [0x02],  # ARP responses on, gratuitous ARP off
    11: [0x03],  # 2 s
    12: [192, 0, 2, 1],
    13: [0x02, 0x00, 0x00, 0x00, 0x00, 0xfe],
    14: [0, 0, 0, 0],
    15: [0, 0, 0, 0, 0, 0],
    16: list(b'public') + [0] * 12,
    20: [0x00, 0x00],
    21: [0x00],
    22: [0x03],
    23: [0x00, 0x01, 0x03, 0x11] + [0] * 13,
    24: [0x00] + [0x44] * 8,
    26: [0x00, 0x05, 0x06, 0x00, 0x0c, 0x00],
}


class LanBmc(bmc.Bmc):
    def __init__(self, users, port):
        super().__init__(users, port=port, address='127.0.0.1')
        self.params = {k: list(v) for k, v in INITIAL.items()}

    def handle_raw_request(self, request, session):
        netfn, cmd = request['netfn'], request['command']
        data = list(request['data'])
        if netfn == APP and cmd == 0x42:
            code, reply = self.channel_info(data)
        elif netfn == TRANSPORT and cmd == 0x02:
            code, reply = self.get_param(data)
        elif netfn == TRANSPORT and cmd == 0x01:
            code, reply = self.set_param(data)
        else:
            return super().handle_raw_request(request, session)
        session.send_ipmi_response(code=code, data=reply)

    def channel_info(self, data):
        if len(data) != 1:
            return 0xc7, []
        channel = data[0] & 0x0f
        if channel == 0x0e:
            channel = LAN_CHANNEL
        if channel != LAN_CHANNEL:
            return 0xcc, []
        # 802.3 LAN, IPMB-1.0 protocol, multi-session with one active, IPMI forum IANA 7154
        return 0, [channel, 0x04, 0x01, 0x81, 0xf2, 0x1b, 0x00, 0x00, 0x00]

    def get_param(self, data):
        if len(data) != 4:
            return 0xc7, []
        if (data[0] & 0x0f) != LAN_CHANNEL:
            return 0xcc, []
        if data[1] not in self.params:
            return 0x80, []
        return 0, [0x11] + self.params[data[1]]

    def set_param(self, data):
        if len(data) < 3:
            return 0xc7, []
        if (data[0] & 0x0f) != LAN_CHANNEL:
            return 0xcc, []
        param, value = data[1], data[2:]
        if param not in self.params:
            return 0x80, []
        if param == 1:
            return 0x82, []
        if len(value) != len(self.params[param]):
            return 0xc7, []
        if param == 0:
            state = value[0] & 0x03
            if state == 1 and self.params[0][0] == 1:
                return 0x81, []
            if state == 3:
                return 0xcc, []
            self.params[0] = [0 if state == 2 else state]
            return 0, []
        self.params[param] = value
        return 0, []


def main():
    pyghmi_lab.serve(lambda users, args: LanBmc(users, args.port))


if __name__ == '__main__':
    main()
