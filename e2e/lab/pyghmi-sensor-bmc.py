#!/usr/bin/python3
"""A lab BMC whose sensors are in the states ipmi_sim cannot produce, built on pyghmi's software BMC:
a reading flagged "unavailable" (Get Sensor Reading byte 2 bit 5) while scanning is enabled, next to a
sensor with scanning disabled, a normal reading and a threshold crossed, for threshold and discrete
sensors, full and compact records. It exists so that `sensor list|get` and `sdr list|elist` can be
compared with ipmitool 1.8.19 on those states.

What it answers (IPMI 2.0 tables 33-3, 35-x, 43-x):
  * App Get Device ID (pyghmi's, with "SDR Repository Device" in the additional device support byte);
  * Storage Get SDR Repository Info (0x20), Reserve SDR Repository (0x22), Get SDR (0x23, partial reads
    at any offset; a stale reservation gets 0xC5, an unknown record 0xCB);
  * Sensor/Event Get Sensor Reading (0x2D), Get Sensor Thresholds (0x27), Get Sensor Hysteresis (0x25),
    Get Sensor Event Enable (0x29), Get Sensor Event Status (0x2B); an unknown sensor number gets 0xCB.

The records and readings are the tables below: change them here, and the test's expectations follow
from ipmitool's output, not from a copy of these numbers.

Usage: pyghmi-sensor-bmc.py [--port 0]; "name:password" lines on stdin; binds 127.0.0.1 only and prints
"READY <port>" once listening.
"""

import pyghmi.ipmi.bmc as bmc

import pyghmi_lab  # also applies pyghmi_close_fix

NETFN_SENSOR = 0x04
NETFN_STORAGE = 0x0a

# bit 7 of Get Sensor Reading byte 2: event messages enabled; bit 6: scanning enabled; bit 5: unavailable
EVENTS, SCANNING, UNAVAILABLE = 0x80, 0x40, 0x20


def id_string(name):
    data = name.encode('ascii')
    return [0xc0 | len(data)] + list(data)


def full_threshold(number, name, sensor_type, unit, m, thresholds, entity=(0x03, 1), r_exp=0, nominal=0):
    """A full sensor record of a linear analog threshold sensor (table 43-1): value = m * raw * 10^r_exp.
    thresholds = (lnr, lcr, lnc, unc, ucr, unr) raw values, all readable and settable."""
    lnr, lcr, lnc, unc, ucr, unr = thresholds
    body = [0x20, 0x00, number, entity[0], entity[1],
            0x7f,  # initialization: scanning, events, thresholds, hysteresis, type; events and scanning on
            0x68,  # capabilities: auto re-arm, hysteresis and thresholds readable/settable
            sensor_type, 0x01,  # threshold event/reading type
            0x95, 0x0a, 0x95, 0x0a,  # assertion / deassertion masks (lnc, lcr, unc, ucr going low/high)
            0x3f, 0x3f,  # readable and settable thresholds: all six
            0x00, unit, 0x00,  # unsigned analog; base unit; no modifier
            0x00,  # linear
            m & 0xff, (m >> 8) & 0x03, 0x00, 0x00, 0x00, (r_exp & 0x0f) << 4,
            0x01, nominal, 0x00, 0x00,  # nominal reading given; normal max/min
            0xff, 0x00,  # sensor maximum / minimum
            unr, ucr, unc, lnr, lcr, lnc,
            0x02, 0x02,  # positive / negative hysteresis
            0x00, 0x00, 0x00]
    return 0x01, body + id_string(name)


def compact_discrete(number, name, sensor_type, reading_type, mask, entity=(0x0a, 1)):
    """A compact sensor record of a discrete sensor (table 43-2): states in `mask` can assert."""
    body = [0x20, 0x00, number, entity[0], entity[1],
            0x63,  # initialization: scanning, events, type; events and scanning on
            0x40,  # capabilities: auto re-arm, no thresholds
            sensor_type, reading_type,
            mask & 0xff, mask >> 8, mask & 0xff, mask >> 8, mask & 0xff, mask >> 8,
            0xc0, 0x00, 0x00,  # no analog reading; unspecified units
            0x00, 0x00,  # no record sharing
            0x00, 0x00,  # hysteresis
            0x00, 0x00, 0x00, 0x00]
    return 0x02, body + id_string(name)


def mc_locator(name):
    body = [0x20, 0x00, 0x00, 0x29, 0x00, 0x00, 0x00, 0x06, 0x01, 0x00]  # entity 6.1: the BMC
    return 0x12, body + id_string(name)


# (record, reading reply) per sensor; the reply is Get Sensor Reading's data after the completion code
SENSORS = [
    # threshold sensors: 1 °C per count, thresholds lnr..unr
    (full_threshold(0x10, 'Temp Normal', 0x01, 1, 1, (0, 5, 10, 80, 90, 95), nominal=40),
     [40, EVENTS | SCANNING, 0xc0]),
    (full_threshold(0x11, 'Temp Hot', 0x01, 1, 1, (0, 5, 10, 80, 90, 95), nominal=40),
     [92, EVENTS | SCANNING, 0xc0 | 0x18]),  # at or above unc and ucr
    (full_threshold(0x12, 'Fan Absent', 0x04, 18, 40, (0, 10, 15, 200, 220, 240)),
     [0, EVENTS | SCANNING | UNAVAILABLE, 0xc0]),
    (full_threshold(0x13, 'Volt Off', 0x02, 4, 5, (0, 100, 110, 130, 140, 150), r_exp=-2 & 0x0f),
     [120, EVENTS, 0xc0]),  # scanning disabled: the reading byte means nothing
    (full_threshold(0x14, 'Temp Low', 0x01, 1, 1, (0, 5, 10, 80, 90, 95), nominal=40),
     [4, SCANNING, 0xc0 | 0x03]),  # below lnc and lcr, event messages disabled
    # discrete sensors: presence (sensor-specific), state bits in byte 3
    (compact_discrete(0x20, 'PSU Present', 0x08, 0x6f, 0x0003),
     [0, EVENTS | SCANNING, 0x01, 0x80]),
    (compact_discrete(0x21, 'PSU Absent', 0x08, 0x6f, 0x0003),
     [0, EVENTS | SCANNING | UNAVAILABLE, 0x00, 0x80]),
    (compact_discrete(0x22, 'Intrusion', 0x05, 0x6f, 0x0001, entity=(0x17, 1)),
     [0, EVENTS, 0x00, 0x80]),
]


def build_repository():
    records = []
    for n, type_and_body in enumerate([s[0] for s in SENSORS] + [mc_locator('Sensor BMC')]):
        rtype, body = type_and_body
        rid = n + 1
        records.append([rid & 0xff, rid >> 8, 0x51, rtype, len(body)] + body)
    return records


class SensorBmc(bmc.Bmc):
    def __init__(self, users, port):
        super().__init__(users, port=port, address='127.0.0.1')
        self.additionaldevices = 0x02  # SDR Repository Device
        self.records = build_repository()
        self.sensors = {}
        for (rtype, body), reading in SENSORS:
            self.sensors[body[2]] = (rtype, body, reading)
        self.reservation = 0

    def handle_raw_request(self, request, session):
        netfn, cmd = request['netfn'], request['command']
        data = list(request['data'])
        handlers = {
            (NETFN_STORAGE, 0x20): self.repository_info,
            (NETFN_STORAGE, 0x22): self.reserve,
            (NETFN_STORAGE, 0x23): self.get_sdr,
            (NETFN_SENSOR, 0x2d): self.reading,
            (NETFN_SENSOR, 0x27): self.thresholds,
            (NETFN_SENSOR, 0x25): self.hysteresis,
            (NETFN_SENSOR, 0x29): self.event_enable,
            (NETFN_SENSOR, 0x2b): self.event_status,
        }
        handler = handlers.get((netfn, cmd))
        if handler is None:
            return super().handle_raw_request(request, session)
        code, reply = handler(data)
        session.send_ipmi_response(code=code, data=reply)

    def repository_info(self, data):
        count = len(self.records)
        # version 0x51, count, free space, no timestamps, operations: reserve supported (bit 1)
        return 0, [0x51, count & 0xff, count >> 8, 0x00, 0x10] + [0] * 8 + [0x02]

    def reserve(self, data):
        self.reservation = (self.reservation + 1) & 0xffff or 1
        return 0, [self.reservation & 0xff, self.reservation >> 8]

    def get_sdr(self, data):
        if len(data) != 6:
            return 0xc7, []
        reservation = data[0] | (data[1] << 8)
        rid = data[2] | (data[3] << 8)
        offset, count = data[4], data[5]
        if offset != 0 and reservation != self.reservation:
            return 0xc5, []
        # record 0000h is the first, FFFFh the last (IPMI 2.0 33.12)
        index = 0 if rid == 0 else len(self.records) - 1 if rid == 0xffff else rid - 1
        if index >= len(self.records):
            return 0xcb, []
        record = self.records[index]
        following = index + 2 if index + 1 < len(self.records) else 0xffff
        if offset > len(record):
            return 0xc9, []
        chunk = record[offset:] if count == 0xff else record[offset:offset + count]
        return 0, [following & 0xff, following >> 8] + chunk

    def sensor(self, data):
        return self.sensors.get(data[0]) if data else None

    def reading(self, data):
        s = self.sensor(data)
        return (0, list(s[2])) if s else (0xcb, [])

    def thresholds(self, data):
        s = self.sensor(data)
        if not s or s[0] != 0x01:
            return 0xcb, []
        body = s[1]
        unr, ucr, unc, lnr, lcr, lnc = body[31:37]
        return 0, [0x3f, lnc, lcr, lnr, unc, ucr, unr]

    def hysteresis(self, data):
        s = self.sensor(data)
        if not s or s[0] != 0x01:
            return 0xcb, []
        return 0, [s[1][37], s[1][38]]

    def event_enable(self, data):
        s = self.sensor(data)
        if not s:
            return 0xcb, []
        flags = s[2][1] & (EVENTS | SCANNING)
        body = s[1]
        return 0, [flags, body[9], body[10], body[11], body[12]]

    def event_status(self, data):
        s = self.sensor(data)
        if not s:
            return 0xcb, []
        reading = s[2]
        flags = reading[1] & (EVENTS | SCANNING | UNAVAILABLE)
        if s[0] == 0x01:
            # threshold states as "going high/low" assertions: lnc lo=bit0, lcr lo=bit2, unc hi=bit7, ucr hi=bit9
            st = reading[2]
            assertions = ((st & 0x01) << 0) | ((st & 0x02) << 1) | ((st & 0x08) << 4) | ((st & 0x10) << 5)
        else:
            assertions = reading[2] | (reading[3] & 0x7f) << 8
        return 0, [flags, assertions & 0xff, assertions >> 8, 0x00, 0x00]


def main():
    pyghmi_lab.serve(lambda users, args: SensorBmc(users, args.port))


if __name__ == '__main__':
    main()
