#!/usr/bin/python3
"""A lab BMC for what ipmi_sim 2.0.33 lacks around the SEL: Platform Event Message (it answers 0xC1),
Get Last Processed Event ID, LAN alert destinations, the session's console address in Get Session Info,
and a Supermicro Get Board ID. On top of pyghmi's software BMC (RMCP+ only).

Commands (IPMI v2.0 section numbers):
  App 0x06:       Get Device ID (pyghmi; --mfg/--product), 0x42 Get Channel Info (channel 1 = 802.3 LAN,
                  0x0E = the current channel), 0x3D Get Session Info (this session, 18 bytes with the
                  client's address and port; other slots 3 bytes)
  Storage 0x0A:   0x40 SEL Info, 0x42 Reserve SEL, 0x43 Get SEL Entry, 0x46 Delete, 0x47 Clear, 0x48/0x49
                  Get/Set SEL Time; 0x20 SDR Repository Info (no records), 0x22 Reserve SDR, 0x23 Get SDR
                  (0xCB: none)
  Sensor 0x04:    0x25/0x27 Get Sensor Hysteresis/Thresholds (sensor 0x30 only), 0x02 Platform Event Message (29.3: logs a system event record, generator ID = the
                  requester's address, channel 1), 0x10 PEF Capabilities, 0x13 PEF parameters 1, 2, 5, 8,
                  6 (--filters, default 3 event filters), 8, 9, 10 (two alert
                  policies: a LAN one and an IPMB one), 0x15 Last Processed Event ID
  Transport 0x0C: 0x02 Get LAN Configuration, the alert parameters 16-19 only
  OEM 0x30:       0x21 Get Board ID (--board-id), only with --mfg 10876 (Supermicro)
Choices where the spec leaves room (so tests do not mistake them for facts about real BMCs): the SEL clock
starts at the host's time; record IDs count from 1; the alert destination is 192.0.2.7 (TEST-NET-1, never
contacted), MAC 02:00:00:00:00:07, community "public".

Usage: pyghmi-sel-bmc.py --port 0 [--mfg N] [--product N] [--board-id N] [--filters 0-3]
Reads "name:password" lines on stdin; binds 127.0.0.1 only; prints "READY <port>" once listening.
"""
import argparse
import struct
import time

import pyghmi.ipmi.bmc as bmc

import pyghmi_lab  # also applies pyghmi_close_fix

CC_OK = 0x00
CC_PARAM_NOT_SUPPORTED = 0x80
CC_INVALID_COMMAND = 0xC1
CC_RESERVATION = 0xC5
CC_LENGTH = 0xC7
CC_NOT_PRESENT = 0xCB
CC_INVALID_FIELD = 0xCC

SUPERMICRO = 10876


def le16(n):
    return [n & 0xFF, n >> 8]


def le32(n):
    return list(struct.pack('<I', n & 0xFFFFFFFF))


# One SDR record, so that ipmitool does not find an empty repository (it then tries to "rebuild" it with
# Clear SDR Repository and Add SDR, which this BMC refuses): event-only sensor 0x53 "DIMM ECC" (memory,
# sensor-specific) owned by software ID 0x81 - the requester address ipmitool and bmcdesk send from, so
# the events they log name it in `sel elist`.
# A second one, a compact threshold sensor 0x30 "Inlet Temp" of the BMC (owner 0x20), whose thresholds
# and hysteresis (Get Sensor Thresholds / Hysteresis below) `event "Inlet Temp" ucr` reads.
_NAME = b'DIMM ECC'
_TEMP = b'Inlet Temp'
SDRS = [
    bytes([0x01, 0x00, 0x51, 0x03, 12 + len(_NAME),
           0x81, 0x00, 0x53, 0x20, 0x01, 0x0C, 0x6F, 0x00, 0x00, 0x00, 0x00, 0xC0 | len(_NAME)]) + _NAME,
    bytes([0x02, 0x00, 0x51, 0x02, 27 + len(_TEMP),
           0x20, 0x00, 0x30, 0x07, 0x01, 0x67, 0x68, 0x01, 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x01, 0x00,
           0x00, 0x00, 0x02, 0x03, 0, 0, 0, 0x00, 0xC0 | len(_TEMP)]) + _TEMP,
]
# Get Sensor Thresholds for sensor 0x30: all six readable; lnc lcr lnr unc ucr unr
THRESHOLDS = [0x3F, 0x05, 0x03, 0x01, 0x28, 0x2D, 0x32]
HYSTERESIS = [0x02, 0x03]  # positive-going, negative-going


class SelBmc(bmc.Bmc):
    def __init__(self, users, port, mfg, product, board_id, filters):
        super().__init__(users, port=port, address='127.0.0.1')
        self.mfgid = mfg
        self.prodid = product
        # Get Device ID "additional device support": SDR repository (0x02) and SEL (0x04) devices
        self.additionaldevices = 0x06
        self.board_id = board_id
        self.filters = filters
        self.sel = []  # [record id, 16 bytes]
        self.next_id = 1
        self.reservation = 0
        self.clock_offset = 0
        self.last_add = 0xFFFFFFFF
        self.last_erase = 0xFFFFFFFF

    def now(self):
        return int(time.time()) + self.clock_offset

    # ---- SEL -------------------------------------------------------------------------------------
    def add_event(self, generator, event7):
        rid = self.next_id
        self.next_id += 1
        stamp = self.now()
        rec = bytes(le16(rid) + [0x02] + le32(stamp) + generator + list(event7))
        self.sel.append([rid, rec])
        self.last_add = stamp
        return rid

    def sel_info(self):
        free = (1000 - len(self.sel)) * 16
        return [0x51] + le16(len(self.sel)) + le16(free) + le32(self.last_add) + le32(self.last_erase) + [0x0A]

    def get_entry(self, data):
        if len(data) != 6:
            return CC_LENGTH, []
        res, rid, offset, count = data[0] | data[1] << 8, data[2] | data[3] << 8, data[4], data[5]
        if (offset != 0 or count != 0xFF) and res != self.reservation:
            return CC_RESERVATION, []
        if not self.sel:
            return CC_NOT_PRESENT, []
        if rid == 0:
            i = 0
        elif rid == 0xFFFF:
            i = len(self.sel) - 1
        else:
            ids = [r[0] for r in self.sel]
            if rid not in ids:
                return CC_NOT_PRESENT, []
            i = ids.index(rid)
        nxt = self.sel[i + 1][0] if i + 1 < len(self.sel) else 0xFFFF
        rec = self.sel[i][1]
        end = len(rec) if count == 0xFF else offset + count
        return CC_OK, le16(nxt) + list(rec[offset:end])

    def delete_entry(self, data):
        if len(data) != 4:
            return CC_LENGTH, []
        if (data[0] | data[1] << 8) != self.reservation:
            return CC_RESERVATION, []
        rid = data[2] | data[3] << 8
        ids = [r[0] for r in self.sel]
        if rid == 0 and ids:
            rid = ids[0]
        elif rid == 0xFFFF and ids:
            rid = ids[-1]
        if rid not in ids:
            return CC_NOT_PRESENT, []
        del self.sel[ids.index(rid)]
        self.last_erase = self.now()
        return CC_OK, le16(rid)

    def clear(self, data):
        if len(data) != 6 or bytes(data[2:5]) != b'CLR':
            return CC_INVALID_FIELD, []
        if (data[0] | data[1] << 8) != self.reservation:
            return CC_RESERVATION, []
        if data[5] == 0xAA:
            self.sel = []
            self.last_erase = self.now()
        return CC_OK, [0x01]

    def get_sdr(self, data):
        if len(data) != 6:
            return CC_LENGTH, []
        rid, offset, count = data[2] | data[3] << 8, data[4], data[5]
        i = 0 if rid == 0 else rid - 1
        if not 0 <= i < len(SDRS):
            return CC_NOT_PRESENT, []
        rec = SDRS[i]
        nxt = i + 2 if i + 1 < len(SDRS) else 0xFFFF
        end = len(rec) if count == 0xFF else offset + count
        return CC_OK, le16(nxt) + list(rec[offset:end])

    # ---- PEF -------------------------------------------------------------------------------------
    POLICIES = [
        # entry, policy (set 1, enabled, match always), channel 1 destination 1, alert string key
        [1, 0x18, 0x11, 0x00],
        # set 2, disabled, "try next entry", channel 0 (IPMB) destination 2, event-specific string
        [2, 0x21, 0x02, 0x80],
    ]

    FILTERS = [
        # enabled, configurable; alert + reset, policy 1; critical; any generator; temperature, any
        # sensor; threshold trigger, offsets 9 (upper critical going high) and 11; data masks unused
        [0x80, 0x05, 0x01, 0x10, 0xFF, 0xFF, 0x01, 0xFF, 0x01, 0x00, 0x0A] + [0x00] * 9,
        # pre-configured, disabled
        [0x40, 0x01, 0x02, 0x20, 0xFF, 0xFF, 0x02, 0x60, 0x01, 0x04, 0x00] + [0x00] * 9,
        # enabled; power-off; warning; memory sensor 0x53, sensor-specific trigger
        [0x80, 0x02, 0x00, 0x08, 0xFF, 0xFF, 0x0C, 0x53, 0x6F, 0xFF, 0xFF] + [0x00] * 9,
    ]

    def pef_param(self, data):
        if len(data) != 3:
            return CC_LENGTH, []
        param, sel = data[0] & 0x7F, data[1]
        rev = [0x11]
        if param == 1:
            return CC_OK, rev + [0x03]  # PEF and PEF event messages enabled
        if param == 2:
            return CC_OK, rev + [0x05]  # alert and reset actions enabled
        if param == 5:
            return CC_OK, rev + [self.filters]
        if param == 6:
            if not 1 <= sel <= self.filters:
                return CC_INVALID_FIELD, []
            return CC_OK, rev + [sel] + self.FILTERS[sel - 1]
        if param == 8:
            return CC_OK, rev + [len(self.POLICIES)]
        if param == 9:
            if not 1 <= sel <= len(self.POLICIES):
                return CC_INVALID_FIELD, []
            return CC_OK, rev + self.POLICIES[sel - 1]
        if param == 10:
            return CC_OK, rev + [0x01] + list(range(0x10, 0x20))
        return CC_PARAM_NOT_SUPPORTED, []

    def lan_param(self, data):
        if len(data) != 4:
            return CC_LENGTH, []
        channel, param, sel = data[0] & 0x0F, data[1], data[2]
        if channel != 1:
            return CC_INVALID_FIELD, []
        rev = [0x11]
        if param == 16:
            return CC_OK, rev + list(b'public'.ljust(18, b'\0'))
        if param == 17:
            return CC_OK, rev + [1]
        if param == 18:
            # destination 1: PET, acknowledged, 3 s timeout, 2 retries
            return CC_OK, rev + [sel, 0x80, 3, 2]
        if param == 19:
            return CC_OK, rev + [sel, 0x00, 0x00, 192, 0, 2, 7, 0x02, 0, 0, 0, 0, 7]
        return CC_PARAM_NOT_SUPPORTED, []

    # ---- dispatch --------------------------------------------------------------------------------
    def handle(self, netfn, cmd, data, session):
        if netfn == 0x06 and cmd == 0x42:
            if len(data) != 1:
                return CC_LENGTH, []
            if data[0] & 0x0F in (1, 0x0E):
                # channel 1, 802.3 LAN, IPMB-1.0 protocol, multi-session with 1 active, IANA 7154
                return CC_OK, [1, 0x04, 0x01, 0x81, 0xF2, 0x1B, 0x00, 0, 0]
            return CC_INVALID_FIELD, []
        if netfn == 0x06 and cmd == 0x3D:
            if not data:
                return CC_LENGTH, []
            if data[0] in (0x00, 0x01) or (data[0] == 0xFE and len(data) == 2 and data[1] == 1):
                host, port = session.sockaddr[0], session.sockaddr[1]
                ip = [int(x) for x in host.split('.')[-4:]] if '.' in host else [0, 0, 0, 0]
                user = 2
                priv = getattr(session, 'clientpriv', 4) & 0x0F
                return CC_OK, [1, 4, 1, user, priv, 0x11] + ip + [0x02, 0, 0, 0, 0, 0x01] + le16(port)
            if 2 <= data[0] <= 4 or data[0] == 0xFE:
                return CC_OK, [0, 4, 1]
            return CC_INVALID_FIELD, []
        if netfn == 0x0A:
            if cmd == 0x40:
                return CC_OK, self.sel_info()
            if cmd == 0x42:
                self.reservation = (self.reservation + 1) & 0xFFFF or 1
                return CC_OK, le16(self.reservation)
            if cmd == 0x43:
                return self.get_entry(data)
            if cmd == 0x46:
                return self.delete_entry(data)
            if cmd == 0x47:
                return self.clear(data)
            if cmd == 0x48:
                return CC_OK, le32(self.now())
            if cmd == 0x49:
                if len(data) != 4:
                    return CC_LENGTH, []
                self.clock_offset = struct.unpack('<I', bytes(data))[0] - int(time.time())
                return CC_OK, []
            if cmd == 0x20:
                return CC_OK, [0x51] + le16(len(SDRS)) + [0x00, 0x10] + le32(0) + le32(0) + [0x02]
            if cmd == 0x22:
                return CC_OK, [1, 0]
            if cmd == 0x23:
                return self.get_sdr(data)
        if netfn == 0x04:
            if cmd == 0x02:
                if len(data) != 7:
                    return CC_LENGTH, []
                rq = getattr(session, 'clientaddr', 0x81)
                self.add_event([rq, 0x10], data)
                return CC_OK, []
            if cmd == 0x10:
                return CC_OK, [0x51, 0x3F, self.filters]
            if cmd in (0x25, 0x27):  # Get Sensor Hysteresis / Thresholds
                if not data or data[0] != 0x30:
                    return CC_NOT_PRESENT, []
                return CC_OK, HYSTERESIS if cmd == 0x25 else THRESHOLDS
            if cmd == 0x13:
                return self.pef_param(data)
            if cmd == 0x15:
                last = self.sel[-1][0] if self.sel else 0xFFFF
                return CC_OK, le32(self.last_add) + le16(last) + le16(0xFFFF) + le16(last)
        if netfn == 0x0C and cmd == 0x02:
            return self.lan_param(data)
        if netfn == 0x30 and cmd == 0x21 and self.mfgid == SUPERMICRO:
            return CC_OK, le16(self.board_id)
        return None

    def handle_raw_request(self, request, session):
        reply = self.handle(request['netfn'], request['command'], list(request['data']), session)
        if reply is None:
            return super().handle_raw_request(request, session)
        code, data = reply
        return session.send_ipmi_response(code=code, data=data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mfg', type=int, default=0x1291)
    ap.add_argument('--product', type=int, default=0x0F02)
    ap.add_argument('--board-id', type=lambda s: int(s, 0), default=0x0872)
    ap.add_argument('--filters', type=int, choices=range(0, 4), default=3)
    pyghmi_lab.serve(lambda users, args: SelBmc(users, args.port, args.mfg, args.product, args.board_id,
                                                args.filters), ap)


if __name__ == '__main__':
    main()
