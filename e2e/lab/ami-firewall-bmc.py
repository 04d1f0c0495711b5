#!/usr/bin/python3
"""A second lab BMC: the AMI MegaRAC OEM firewall commands on top of pyghmi's software BMC.

NetFn 0x32 (AMI OEM), cmd 0x76 Set Firewall and 0x77 Get Firewall, rules kept in memory and dumped as
JSON to --state after every change so tests can check them without going through IPMI.

Layouts follow the research notes (specs/ipmi-lan.md section 12), which were taken from:
  * Dell EMC PowerSwitch BMC user guides (S5200-ON rev A03 pp.17-22, Z9264F-ON, Z9432F-ON, VEP4600):
    parameter numbers 0-19, state selector, completion codes 0x80-0x83;
  * AMI headers IPMI_AMIConf.h / Iptables.h (AMISetFirewallReq_T, AMIGetFirewallReq_T/Res_T,
    NETFN_AMI 0x32, CMD_AMI_SET_FIREWALL 0x76, CMD_AMI_GET_FIREWALL 0x77) and AMI's handler table
    (Set registered at ADMIN, Get at USER).
Choices where the sources are silent (documented so tests do not mistake them for AMI facts):
  * ports are little-endian (AMI copies INT16U from host memory; the notes call LE "likely");
  * Get entry info returns TYPE, STATE and the rule body unpadded, unless --pad pads the body to 20 bytes
    like AMI's C union with timeouts;
  * adding a rule that already exists succeeds without a duplicate; removing a missing rule answers
    0xCB (requested data not present); an entry index past the end answers 0xC9 (parameter out of range);
  * a wrong request length answers 0xC7; a state selector other than 0/1 or protocol other than 0-2
    answers 0xCC.

--layout picks the Get Firewall (0x77) reply shape, so that readers are tested against more than one AMI
generation (Set 0x76 is the same in all three):
  * v1 (default): the documented form above;
  * v2: a plausible IPv6-capable generation (a lab model, not an AMI fact): count and is-block-all take
    only AMI's own 1-byte request [param] (0xC7 to [param, 0]); the count reply is 2 bytes (rules in
    use, table capacity V2_CAPACITY, reported only: no reader uses it); an entry reply is the
    entry number echoed, TYPE, STATE and the body padded to 44 bytes (IPv6 range + timeout union);
  * opaque: replies in a shape no reader knows, tag-length-value records: count [0xA0, 1, n], entry
    [0xA1, len, TYPE, STATE, body], is-block-all [0xA2, 1, flags]. The values are all there, so a test can
    check that a reader shows these bytes raw rather than decoding them as something they are not.

Close Session frees the session (pyghmi keeps it registered; see forget_closed_session).

pyghmi's server knows no per-user privilege, only name/password, so the user table below carries a
privilege limit and each command checks min(session privilege, user limit) itself (0xD4 when too low).

Usage: ami-firewall-bmc.py --port 0 --state /tmp/x/rules.json [--pad] [--layout v1|v2|opaque]
Reads "name:password:privilege" lines (privilege 2 user, 3 operator, 4 admin) on stdin, binds 127.0.0.1
only, prints "READY <port>" once listening.
"""
import argparse
import json
import os

import pyghmi.ipmi.bmc as bmc

import pyghmi_lab  # also applies pyghmi_close_fix

NETFN_AMI = 0x32
CMD_SET_FIREWALL = 0x76
CMD_GET_FIREWALL = 0x77

PRIV_USER = 2
PRIV_ADMIN = 4

CC_OK = 0x00
CC_PARAM_NOT_SUPPORTED = 0x80
CC_INVALID_TIME = 0x81
CC_HTTP_PORT = 0x83
CC_INVALID_COMMAND = 0xC1
CC_LENGTH = 0xC7
CC_OUT_OF_RANGE = 0xC9
CC_NOT_PRESENT = 0xCB
CC_INVALID_FIELD = 0xCC
CC_PRIVILEGE = 0xD4

TIMEOUT_LEN = 12  # start and stop, each: year (2, LS byte first), month, day, hour, minute

# Set parameter -> (rule body kind, data length after the state byte, what it does)
KIND_LEN = {'ip': 4, 'range': 8, 'port': 3, 'portrange': 5}
ADD = {0: 'ip', 1: 'range', 2: 'port', 3: 'portrange'}
REMOVE = {4: 0, 5: 1, 6: 2, 7: 3}
ADD_TIMED = {11: 'ip', 12: 'range', 13: 'port', 14: 'portrange'}
REMOVE_TIMED = {15: 11, 16: 12, 17: 13, 18: 14}
FLUSH = 8
DROP_ALL = 9
REMOVE_DROP_ALL = 10
DROP_ALL_TIMED = 19

GET_COUNT = 0
GET_ENTRY = 1
GET_IS_BLOCK_ALL = 2

V2_CAPACITY = 64
V2_UNION = 44  # IPv6 range (16 + 16) + timeout (12)




def body_kind(rule_type):
    if rule_type in ADD:
        return ADD[rule_type]
    if rule_type in ADD_TIMED:
        return ADD_TIMED[rule_type]
    return 'block'


def body_len(rule_type):
    if rule_type == DROP_ALL_TIMED:
        return 1 + TIMEOUT_LEN
    length = KIND_LEN[body_kind(rule_type)]
    return length + TIMEOUT_LEN if rule_type in ADD_TIMED else length


def valid_time(b):
    year = b[0] | (b[1] << 8)
    month, day, hour, minute = b[2], b[3], b[4], b[5]
    ok = 1 <= month <= 12 and 1 <= day <= 31 and hour <= 23 and minute <= 59 and year >= 1970
    return ok, (year, month, day, hour, minute)


def check_body(rule_type, body):
    """Completion code for a rule body, CC_OK if acceptable."""
    kind = body_kind(rule_type)
    if kind in ('port', 'portrange'):
        protocol = body[0]
        if protocol > 2:
            return CC_INVALID_FIELD
        first = body[1] | (body[2] << 8)
        last = body[3] | (body[4] << 8) if kind == 'portrange' else first
        if first > last:
            return CC_INVALID_FIELD
        # The web server's port may not be firewalled (Dell: "attempt to access HTTP port 80").
        if protocol in (0, 2) and first <= 80 <= last:
            return CC_HTTP_PORT
    if kind == 'range' and bytes(body[0:4]) > bytes(body[4:8]):
        return CC_INVALID_FIELD
    if rule_type in ADD_TIMED or rule_type == DROP_ALL_TIMED:
        t = body[-TIMEOUT_LEN:]
        ok_start, start = valid_time(t[0:6])
        ok_stop, stop = valid_time(t[6:12])
        if not (ok_start and ok_stop) or start > stop:
            return CC_INVALID_TIME
    return CC_OK


def describe(rule_type, state, body):
    """The JSON form of a rule: raw bytes plus decoded fields, for tests to read."""
    kind = body_kind(rule_type)
    out = {'type': rule_type, 'state': 'accept' if state else 'drop', 'body': bytes(body).hex()}
    if kind == 'ip':
        out['ip'] = '.'.join(str(x) for x in body[0:4])
    elif kind == 'range':
        out['start'] = '.'.join(str(x) for x in body[0:4])
        out['end'] = '.'.join(str(x) for x in body[4:8])
    elif kind in ('port', 'portrange'):
        out['protocol'] = ['tcp', 'udp', 'both'][body[0]]
        out['port'] = body[1] | (body[2] << 8)
        if kind == 'portrange':
            out['endPort'] = body[3] | (body[4] << 8)
    else:
        out['flags'] = body[0]
    if rule_type in ADD_TIMED or rule_type == DROP_ALL_TIMED:
        t = body[-TIMEOUT_LEN:]
        out['start'] = '%04d-%02d-%02dT%02d:%02d' % valid_time(t[0:6])[1]
        out['stop'] = '%04d-%02d-%02dT%02d:%02d' % valid_time(t[6:12])[1]
    return out


class AmiFirewallBmc(bmc.Bmc):
    def __init__(self, users, state_path, pad, port, layout='v1'):
        super().__init__({name: pw for name, (pw, _) in users.items()}, port=port, address='127.0.0.1')
        self.users = users
        self.state_path = state_path
        self.pad = pad
        self.layout = layout
        self.rules = []  # (type, state, body bytes), in insertion order
        self.block_all = 0
        self.deviceid = 0x20
        self.mfgid = 20974  # American Megatrends' IANA enterprise number, as MegaRAC BMCs report
        self.dump()

    def dump(self):
        data = {
            'blockAll': self.block_all,
            'rules': [describe(t, s, b) for (t, s, b) in self.rules],
        }
        tmp = self.state_path + '.tmp'
        with open(tmp, 'w') as f:
            json.dump(data, f, indent=1)
        os.replace(tmp, self.state_path)

    def privilege(self, session):
        name = bytes(getattr(session, 'username', b'')).decode('utf-8', 'replace')
        limit = self.users.get(name, ('', 0))[1]
        return min(getattr(session, 'clientpriv', PRIV_USER), limit)

    def handle_raw_request(self, request, session):
        if request['netfn'] != NETFN_AMI or request['command'] not in (CMD_SET_FIREWALL, CMD_GET_FIREWALL):
            return super().handle_raw_request(request, session)
        data = bytes(request['data'])
        if request['command'] == CMD_SET_FIREWALL:
            if self.privilege(session) < PRIV_ADMIN:
                return session.send_ipmi_response(code=CC_PRIVILEGE)
            code = self.set_firewall(data)
            if code == CC_OK:
                self.dump()
            return session.send_ipmi_response(code=code)
        if self.privilege(session) < PRIV_USER:
            return session.send_ipmi_response(code=CC_PRIVILEGE)
        code, reply = self.get_firewall(data)
        return session.send_ipmi_response(code=code, data=list(reply))

    def set_firewall(self, data):
        if len(data) < 2:
            return CC_LENGTH
        param, state, body = data[0], data[1], data[2:]
        if param == FLUSH:
            self.rules = []
            self.block_all = 0
            return CC_OK
        if param in (DROP_ALL, REMOVE_DROP_ALL):
            if len(body) != 1:
                return CC_LENGTH
            if body[0] & ~0x03:
                return CC_INVALID_FIELD
            self.block_all = self.block_all | body[0] if param == DROP_ALL else self.block_all & ~body[0]
            return CC_OK
        if param in ADD or param in ADD_TIMED or param == DROP_ALL_TIMED:
            rule_type = param
        elif param in REMOVE:
            rule_type = REMOVE[param]
        elif param in REMOVE_TIMED:
            rule_type = REMOVE_TIMED[param]
        else:
            return CC_PARAM_NOT_SUPPORTED
        if len(body) != body_len(rule_type):
            return CC_LENGTH
        if rule_type == DROP_ALL_TIMED:
            state = 0  # ignored for drop-all, stored as "drop"
        elif state > 1:
            return CC_INVALID_FIELD
        code = check_body(rule_type, body)
        if code != CC_OK:
            return code
        rule = (rule_type, state, bytes(body))
        if param == rule_type:  # an add
            if rule not in self.rules:
                self.rules.append(rule)
            return CC_OK
        if rule not in self.rules:
            return CC_NOT_PRESENT
        self.rules.remove(rule)
        return CC_OK

    def get_firewall(self, data):
        if len(data) < 1 or len(data) > 2:
            return CC_LENGTH, b''
        param = data[0]
        if self.layout == 'v2' and param in (GET_COUNT, GET_IS_BLOCK_ALL) and len(data) != 1:
            return CC_LENGTH, b''
        if param == GET_COUNT:
            return CC_OK, self.shape(0xA0, [len(self.rules)], [len(self.rules), V2_CAPACITY])
        if param == GET_IS_BLOCK_ALL:
            return CC_OK, self.shape(0xA2, [self.block_all], [self.block_all])
        if param == GET_ENTRY:
            if len(data) != 2:
                return CC_LENGTH, b''
            if data[1] >= len(self.rules):
                return CC_OUT_OF_RANGE, b''
            rule_type, state, body = self.rules[data[1]]
            if self.layout == 'v2':
                return CC_OK, bytes([data[1], rule_type, state]) + body + bytes(V2_UNION - len(body))
            if self.pad:
                body = body + bytes(20 - len(body))
            return CC_OK, self.shape(0xA1, list(bytes([rule_type, state]) + body), None)
        return CC_PARAM_NOT_SUPPORTED, b''

    def shape(self, tag, value, v2_value):
        """A reply value in this BMC's layout: as is (v1), the v2 form, or a tag-length-value record."""
        if self.layout == 'opaque':
            return bytes([tag, len(value)] + value)
        if self.layout == 'v2' and v2_value is not None:
            return bytes(v2_value)
        return bytes(value)


def privileged_user(line):
    """A "name:password:privilege" line as (name, (password, privilege))."""
    name, rest = line.split(':', 1)
    password, priv = rest.rsplit(':', 1)
    return name, (password, int(priv))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--state', required=True)
    ap.add_argument('--pad', action='store_true')
    ap.add_argument('--layout', choices=('v1', 'v2', 'opaque'), default='v1')
    pyghmi_lab.serve(lambda users, args: AmiFirewallBmc(users, args.state, args.pad, args.port, args.layout),
                     ap, privileged_user)


if __name__ == '__main__':
    main()
