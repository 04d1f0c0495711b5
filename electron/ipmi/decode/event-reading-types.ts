// Event/reading type codes (IPMI v2.0 tables 42-1 and 42-2) and the text of each state offset, as
// ipmitool 1.8.19 words them, because `sdr elist`, `sensor get` and `sel list` must print the same
// text. Type 0x01 is "threshold", 0x02-0x0C are the generic discrete types, 0x6F selects the
// sensor-specific table (keyed by sensor type), 0x70-0x7F are OEM (no text).
//
// The threshold texts keep ipmitool's trailing space on the "going low" entries: ipmitool prints
// them verbatim, which is where the double space in its SEL lines comes from.

/** [offset, text, event data 2 value this text is for (absent = any)] */
export type StateEntry = readonly [offset: number, text: string, data2?: number];
type EventTable = Readonly<Record<number, readonly StateEntry[]>>;

export const EVENT_READING_TYPE_THRESHOLD = 0x01;
export const EVENT_READING_TYPE_SENSOR_SPECIFIC = 0x6f;

/** Generic event/reading types 0x01-0x0C, keyed by event/reading type. */
const GENERIC: EventTable = {
  // 0x01 Threshold Based States
  0x01: [
    [0x00, 'Lower Non-critical going low '],
    [0x01, 'Lower Non-critical going high'],
    [0x02, 'Lower Critical going low '],
    [0x03, 'Lower Critical going high'],
    [0x04, 'Lower Non-recoverable going low '],
    [0x05, 'Lower Non-recoverable going high'],
    [0x06, 'Upper Non-critical going low '],
    [0x07, 'Upper Non-critical going high'],
    [0x08, 'Upper Critical going low '],
    [0x09, 'Upper Critical going high'],
    [0x0a, 'Upper Non-recoverable going low '],
    [0x0b, 'Upper Non-recoverable going high'],
  ],
  // 0x02 DMI-based "usage state" States
  0x02: [
    [0x00, 'Transition to Idle'],
    [0x01, 'Transition to Active'],
    [0x02, 'Transition to Busy'],
  ],
  // 0x03 Digital-Discrete Event States
  0x03: [
    [0x00, 'State Deasserted'],
    [0x01, 'State Asserted'],
  ],
  // 0x04 Digital-Discrete Event States
  0x04: [
    [0x00, 'Predictive Failure Deasserted'],
    [0x01, 'Predictive Failure Asserted'],
  ],
  // 0x05 Digital-Discrete Event States
  0x05: [
    [0x00, 'Limit Not Exceeded'],
    [0x01, 'Limit Exceeded'],
  ],
  // 0x06 Digital-Discrete Event States
  0x06: [
    [0x00, 'Performance Met'],
    [0x01, 'Performance Lags'],
  ],
  // 0x07 Severity Event States
  0x07: [
    [0x00, 'Transition to OK'],
    [0x01, 'Transition to Non-critical from OK'],
    [0x02, 'Transition to Critical from less severe'],
    [0x03, 'Transition to Non-recoverable from less severe'],
    [0x04, 'Transition to Non-critical from more severe'],
    [0x05, 'Transition to Critical from Non-recoverable'],
    [0x06, 'Transition to Non-recoverable'],
    [0x07, 'Monitor'],
    [0x08, 'Informational'],
  ],
  // 0x08 Availability Status States
  0x08: [
    [0x00, 'Device Absent'],
    [0x01, 'Device Present'],
  ],
  // 0x09 Availability Status States
  0x09: [
    [0x00, 'Device Disabled'],
    [0x01, 'Device Enabled'],
  ],
  // 0x0a Availability Status States
  0x0a: [
    [0x00, 'Transition to Running'],
    [0x01, 'Transition to In Test'],
    [0x02, 'Transition to Power Off'],
    [0x03, 'Transition to On Line'],
    [0x04, 'Transition to Off Line'],
    [0x05, 'Transition to Off Duty'],
    [0x06, 'Transition to Degraded'],
    [0x07, 'Transition to Power Save'],
    [0x08, 'Install Error'],
  ],
  // 0x0b Redundancy States
  0x0b: [
    [0x00, 'Fully Redundant'],
    [0x01, 'Redundancy Lost'],
    [0x02, 'Redundancy Degraded'],
    [0x03, 'Non-Redundant: Sufficient from Redundant'],
    [0x04, 'Non-Redundant: Sufficient from Insufficient'],
    [0x05, 'Non-Redundant: Insufficient Resources'],
    [0x06, 'Redundancy Degraded from Fully Redundant'],
    [0x07, 'Redundancy Degraded from Non-Redundant'],
  ],
  // 0x0c ACPI Device Power States
  0x0c: [
    [0x00, 'D0 Power State'],
    [0x01, 'D1 Power State'],
    [0x02, 'D2 Power State'],
    [0x03, 'D3 Power State'],
  ],
};

/** Sensor-specific offsets (event/reading type 0x6F), keyed by sensor type; 0xF0-0xF2 are PICMG
 *  types that ipmitool also applies to every BMC. */
const SENSOR_SPECIFIC: EventTable = {
  // 0x05 Physical Security
  0x05: [
    [0x00, 'General Chassis intrusion'],
    [0x01, 'Drive Bay intrusion'],
    [0x02, 'I/O Card area intrusion'],
    [0x03, 'Processor area intrusion'],
    [0x04, 'System unplugged from LAN'],
    [0x05, 'Unauthorized dock'],
    [0x06, 'FAN area intrusion'],
  ],
  // 0x06 Platform Security
  0x06: [
    [0x00, 'Front Panel Lockout violation attempted'],
    [0x01, 'Pre-boot password violation - user password'],
    [0x02, 'Pre-boot password violation - setup password'],
    [0x03, 'Pre-boot password violation - network boot password'],
    [0x04, 'Other pre-boot password violation'],
    [0x05, 'Out-of-band access password violation'],
  ],
  // 0x07 Processor
  0x07: [
    [0x00, 'IERR'],
    [0x01, 'Thermal Trip'],
    [0x02, 'FRB1/BIST failure'],
    [0x03, 'FRB2/Hang in POST failure'],
    [0x04, 'FRB3/Processor startup/init failure'],
    [0x05, 'Configuration Error'],
    [0x06, 'SM BIOS Uncorrectable CPU-complex Error'],
    [0x07, 'Presence detected'],
    [0x08, 'Disabled'],
    [0x09, 'Terminator presence detected'],
    [0x0a, 'Throttled'],
    [0x0b, 'Uncorrectable machine check exception'],
    [0x0c, 'Correctable machine check error'],
  ],
  // 0x08 Power Supply
  0x08: [
    [0x00, 'Presence detected'],
    [0x01, 'Failure detected'],
    [0x02, 'Predictive failure'],
    [0x03, 'Power Supply AC lost'],
    [0x04, 'AC lost or out-of-range'],
    [0x05, 'AC out-of-range, but present'],
    [0x06, 'Config Error: Vendor Mismatch', 0x00],
    [0x06, 'Config Error: Revision Mismatch', 0x01],
    [0x06, 'Config Error: Processor Missing', 0x02],
    [0x06, 'Config Error: Power Supply Rating Mismatch', 0x03],
    [0x06, 'Config Error: Voltage Rating Mismatch', 0x04],
    [0x06, 'Config Error'],
    [0x07, 'Power Supply Inactive'],
  ],
  // 0x09 Power Unit
  0x09: [
    [0x00, 'Power off/down'],
    [0x01, 'Power cycle'],
    [0x02, '240VA power down'],
    [0x03, 'Interlock power down'],
    [0x04, 'AC lost'],
    [0x05, 'Soft-power control failure'],
    [0x06, 'Failure detected'],
    [0x07, 'Predictive failure'],
  ],
  // 0x0c Memory
  0x0c: [
    [0x00, 'Correctable ECC'],
    [0x01, 'Uncorrectable ECC'],
    [0x02, 'Parity'],
    [0x03, 'Memory Scrub Failed'],
    [0x04, 'Memory Device Disabled'],
    [0x05, 'Correctable ECC logging limit reached'],
    [0x06, 'Presence Detected'],
    [0x07, 'Configuration Error'],
    [0x08, 'Spare'],
    [0x09, 'Throttled'],
    [0x0a, 'Critical Overtemperature'],
  ],
  // 0x0d Drive Slot
  0x0d: [
    [0x00, 'Drive Present'],
    [0x01, 'Drive Fault'],
    [0x02, 'Predictive Failure'],
    [0x03, 'Hot Spare'],
    [0x04, 'Parity Check In Progress'],
    [0x05, 'In Critical Array'],
    [0x06, 'In Failed Array'],
    [0x07, 'Rebuild In Progress'],
    [0x08, 'Rebuild Aborted'],
  ],
  // 0x0f System Firmware Error
  0x0f: [
    [0x00, 'Unspecified', 0x00],
    [0x00, 'No system memory installed', 0x01],
    [0x00, 'No usable system memory', 0x02],
    [0x00, 'Unrecoverable IDE device failure', 0x03],
    [0x00, 'Unrecoverable system-board failure', 0x04],
    [0x00, 'Unrecoverable diskette failure', 0x05],
    [0x00, 'Unrecoverable hard-disk controller failure', 0x06],
    [0x00, 'Unrecoverable PS/2 or USB keyboard failure', 0x07],
    [0x00, 'Removable boot media not found', 0x08],
    [0x00, 'Unrecoverable video controller failure', 0x09],
    [0x00, 'No video device selected', 0x0a],
    [0x00, 'BIOS corruption detected', 0x0b],
    [0x00, 'CPU voltage mismatch', 0x0c],
    [0x00, 'CPU speed mismatch failure', 0x0d],
    [0x00, 'Unknown Error'],
    [0x01, 'Unspecified', 0x00],
    [0x01, 'Memory initialization', 0x01],
    [0x01, 'Hard-disk initialization', 0x02],
    [0x01, 'Secondary CPU Initialization', 0x03],
    [0x01, 'User authentication', 0x04],
    [0x01, 'User-initiated system setup', 0x05],
    [0x01, 'USB resource configuration', 0x06],
    [0x01, 'PCI resource configuration', 0x07],
    [0x01, 'Option ROM initialization', 0x08],
    [0x01, 'Video initialization', 0x09],
    [0x01, 'Cache initialization', 0x0a],
    [0x01, 'SMBus initialization', 0x0b],
    [0x01, 'Keyboard controller initialization', 0x0c],
    [0x01, 'Management controller initialization', 0x0d],
    [0x01, 'Docking station attachment', 0x0e],
    [0x01, 'Enabling docking station', 0x0f],
    [0x01, 'Docking station ejection', 0x10],
    [0x01, 'Disabling docking station', 0x11],
    [0x01, 'Calling operating system wake-up vector', 0x12],
    [0x01, 'System boot initiated', 0x13],
    [0x01, 'Motherboard initialization', 0x14],
    [0x01, 'reserved', 0x15],
    [0x01, 'Floppy initialization', 0x16],
    [0x01, 'Keyboard test', 0x17],
    [0x01, 'Pointing device test', 0x18],
    [0x01, 'Primary CPU initialization', 0x19],
    [0x01, 'Unknown Hang'],
    [0x02, 'Unspecified', 0x00],
    [0x02, 'Memory initialization', 0x01],
    [0x02, 'Hard-disk initialization', 0x02],
    [0x02, 'Secondary CPU Initialization', 0x03],
    [0x02, 'User authentication', 0x04],
    [0x02, 'User-initiated system setup', 0x05],
    [0x02, 'USB resource configuration', 0x06],
    [0x02, 'PCI resource configuration', 0x07],
    [0x02, 'Option ROM initialization', 0x08],
    [0x02, 'Video initialization', 0x09],
    [0x02, 'Cache initialization', 0x0a],
    [0x02, 'SMBus initialization', 0x0b],
    [0x02, 'Keyboard controller initialization', 0x0c],
    [0x02, 'Management controller initialization', 0x0d],
    [0x02, 'Docking station attachment', 0x0e],
    [0x02, 'Enabling docking station', 0x0f],
    [0x02, 'Docking station ejection', 0x10],
    [0x02, 'Disabling docking station', 0x11],
    [0x02, 'Calling operating system wake-up vector', 0x12],
    [0x02, 'System boot initiated', 0x13],
    [0x02, 'Motherboard initialization', 0x14],
    [0x02, 'reserved', 0x15],
    [0x02, 'Floppy initialization', 0x16],
    [0x02, 'Keyboard test', 0x17],
    [0x02, 'Pointing device test', 0x18],
    [0x02, 'Primary CPU initialization', 0x19],
    [0x02, 'Unknown Progress'],
  ],
  // 0x10 Event Logging Disabled
  0x10: [
    [0x00, 'Correctable memory error logging disabled'],
    [0x01, 'Event logging disabled'],
    [0x02, 'Log area reset/cleared'],
    [0x03, 'All event logging disabled'],
    [0x04, 'Log full'],
    [0x05, 'Log almost full'],
  ],
  // 0x11 Watchdog 1
  0x11: [
    [0x00, 'BIOS Reset'],
    [0x01, 'OS Reset'],
    [0x02, 'OS Shut Down'],
    [0x03, 'OS Power Down'],
    [0x04, 'OS Power Cycle'],
    [0x05, 'OS NMI/Diag Interrupt'],
    [0x06, 'OS Expired'],
    [0x07, 'OS pre-timeout Interrupt'],
  ],
  // 0x12 System Event
  0x12: [
    [0x00, 'System Reconfigured'],
    [0x01, 'OEM System boot event'],
    [0x02, 'Undetermined system hardware failure'],
    [0x03, 'Entry added to auxiliary log'],
    [0x04, 'PEF Action'],
    [0x05, 'Timestamp Clock Sync'],
  ],
  // 0x13 Critical Interrupt
  0x13: [
    [0x00, 'NMI/Diag Interrupt'],
    [0x01, 'Bus Timeout'],
    [0x02, 'I/O Channel check NMI'],
    [0x03, 'Software NMI'],
    [0x04, 'PCI PERR'],
    [0x05, 'PCI SERR'],
    [0x06, 'EISA failsafe timeout'],
    [0x07, 'Bus Correctable error'],
    [0x08, 'Bus Uncorrectable error'],
    [0x09, 'Fatal NMI'],
    [0x0a, 'Bus Fatal Error'],
    [0x0b, 'Bus Degraded'],
  ],
  // 0x14 Button
  0x14: [
    [0x00, 'Power Button pressed'],
    [0x01, 'Sleep Button pressed'],
    [0x02, 'Reset Button pressed'],
    [0x03, 'FRU Latch'],
    [0x04, 'FRU Service'],
  ],
  // 0x19 Chip Set
  0x19: [
    [0x00, 'Soft Power Control Failure'],
    [0x01, 'Thermal Trip'],
  ],
  // 0x1b Cable/Interconnect
  0x1b: [
    [0x00, 'Connected'],
    [0x01, 'Config Error'],
  ],
  // 0x1d System Boot Initiated
  0x1d: [
    [0x00, 'Initiated by power up'],
    [0x01, 'Initiated by hard reset'],
    [0x02, 'Initiated by warm reset'],
    [0x03, 'User requested PXE boot'],
    [0x04, 'Automatic boot to diagnostic'],
    [0x05, 'OS initiated hard reset'],
    [0x06, 'OS initiated warm reset'],
    [0x07, 'System Restart'],
  ],
  // 0x1e Boot Error
  0x1e: [
    [0x00, 'No bootable media'],
    [0x01, 'Non-bootable disk in drive'],
    [0x02, 'PXE server not found'],
    [0x03, 'Invalid boot sector'],
    [0x04, 'Timeout waiting for selection'],
  ],
  // 0x1f OS Boot
  0x1f: [
    [0x00, 'A: boot completed'],
    [0x01, 'C: boot completed'],
    [0x02, 'PXE boot completed'],
    [0x03, 'Diagnostic boot completed'],
    [0x04, 'CD-ROM boot completed'],
    [0x05, 'ROM boot completed'],
    [0x06, 'boot completed - device not specified'],
    [0x07, 'Installation started'],
    [0x08, 'Installation completed'],
    [0x09, 'Installation aborted'],
    [0x0a, 'Installation failed'],
  ],
  // 0x20 OS Stop/Shutdown
  0x20: [
    [0x00, 'Error during system startup'],
    [0x01, 'Run-time critical stop'],
    [0x02, 'OS graceful stop'],
    [0x03, 'OS graceful shutdown'],
    [0x04, 'PEF initiated soft shutdown'],
    [0x05, 'Agent not responding'],
  ],
  // 0x21 Slot/Connector
  0x21: [
    [0x00, 'Fault Status'],
    [0x01, 'Identify Status'],
    [0x02, 'Device Installed'],
    [0x03, 'Ready for Device Installation'],
    [0x04, 'Ready for Device Removal'],
    [0x05, 'Slot Power is Off'],
    [0x06, 'Device Removal Request'],
    [0x07, 'Interlock'],
    [0x08, 'Slot is Disabled'],
    [0x09, 'Spare Device'],
  ],
  // 0x22 System ACPI Power State
  0x22: [
    [0x00, 'S0/G0: working'],
    [0x01, 'S1: sleeping with system hw & processor context maintained'],
    [0x02, 'S2: sleeping, processor context lost'],
    [0x03, 'S3: sleeping, processor & hw context lost, memory retained'],
    [0x04, 'S4: non-volatile sleep/suspend-to-disk'],
    [0x05, 'S5/G2: soft-off'],
    [0x06, 'S4/S5: soft-off'],
    [0x07, 'G3: mechanical off'],
    [0x08, 'Sleeping in S1/S2/S3 state'],
    [0x09, 'G1: sleeping'],
    [0x0a, 'S5: entered by override'],
    [0x0b, 'Legacy ON state'],
    [0x0c, 'Legacy OFF state'],
    [0x0e, 'Unknown'],
  ],
  // 0x23 Watchdog 2
  0x23: [
    [0x00, 'Timer expired'],
    [0x01, 'Hard reset'],
    [0x02, 'Power down'],
    [0x03, 'Power cycle'],
    [0x04, 'reserved'],
    [0x05, 'reserved'],
    [0x06, 'reserved'],
    [0x07, 'reserved'],
    [0x08, 'Timer interrupt'],
  ],
  // 0x24 Platform Alert
  0x24: [
    [0x00, 'Platform generated page'],
    [0x01, 'Platform generated LAN alert'],
    [0x02, 'Platform Event Trap generated'],
    [0x03, 'Platform generated SNMP trap, OEM format'],
  ],
  // 0x25 Entity Presence
  0x25: [
    [0x00, 'Present'],
    [0x01, 'Absent'],
    [0x02, 'Disabled'],
  ],
  // 0x27 LAN
  0x27: [
    [0x00, 'Heartbeat Lost'],
    [0x01, 'Heartbeat'],
  ],
  // 0x28 Management Subsystem Health
  0x28: [
    [0x00, 'Sensor access degraded or unavailable'],
    [0x01, 'Controller access degraded or unavailable'],
    [0x02, 'Management controller off-line'],
    [0x03, 'Management controller unavailable'],
    [0x04, 'Sensor failure'],
    [0x05, 'FRU failure'],
  ],
  // 0x29 Battery
  0x29: [
    [0x00, 'Low'],
    [0x01, 'Failed'],
    [0x02, 'Presence Detected'],
  ],
  // 0x2b Version Change
  0x2b: [
    [0x00, 'Hardware change detected'],
    [0x01, 'Firmware or software change detected', 0x00],
    [0x01, 'Firmware or software change detected, Mngmt Ctrl Dev Id', 0x01],
    [0x01, 'Firmware or software change detected, Mngmt Ctrl Firm Rev', 0x02],
    [0x01, 'Firmware or software change detected, Mngmt Ctrl Dev Rev', 0x03],
    [0x01, 'Firmware or software change detected, Mngmt Ctrl Manuf Id', 0x04],
    [0x01, 'Firmware or software change detected, Mngmt Ctrl IPMI Vers', 0x05],
    [0x01, 'Firmware or software change detected, Mngmt Ctrl Aux Firm Id', 0x06],
    [0x01, 'Firmware or software change detected, Mngmt Ctrl Firm Boot Block', 0x07],
    [0x01, 'Firmware or software change detected, Mngmt Ctrl Other', 0x08],
    [0x01, 'Firmware or software change detected, BIOS/EFI change', 0x09],
    [0x01, 'Firmware or software change detected, SMBIOS change', 0x0a],
    [0x01, 'Firmware or software change detected, O/S change', 0x0b],
    [0x01, 'Firmware or software change detected, O/S loader change', 0x0c],
    [0x01, 'Firmware or software change detected, Service Diag change', 0x0d],
    [0x01, 'Firmware or software change detected, Mngmt SW agent change', 0x0e],
    [0x01, 'Firmware or software change detected, Mngmt SW App change', 0x0f],
    [0x01, 'Firmware or software change detected, Mngmt SW Middle', 0x10],
    [0x01, 'Firmware or software change detected, Prog HW Change (FPGA)', 0x11],
    [0x01, 'Firmware or software change detected, board/FRU module change', 0x12],
    [0x01, 'Firmware or software change detected, board/FRU component change', 0x13],
    [0x01, 'Firmware or software change detected, board/FRU replace equ ver', 0x14],
    [0x01, 'Firmware or software change detected, board/FRU replace new ver', 0x15],
    [0x01, 'Firmware or software change detected, board/FRU replace old ver', 0x16],
    [0x01, 'Firmware or software change detected, board/FRU HW conf change', 0x17],
    [0x02, 'Hardware incompatibility detected'],
    [0x03, 'Firmware or software incompatibility detected'],
    [0x04, 'Invalid or unsupported hardware version'],
    [0x05, 'Invalid or unsupported firmware or software version'],
    [0x06, 'Hardware change success'],
    [0x07, 'Firmware or software change success', 0x00],
    [0x07, 'Firmware or software change success, Mngmt Ctrl Dev Id', 0x01],
    [0x07, 'Firmware or software change success, Mngmt Ctrl Firm Rev', 0x02],
    [0x07, 'Firmware or software change success, Mngmt Ctrl Dev Rev', 0x03],
    [0x07, 'Firmware or software change success, Mngmt Ctrl Manuf Id', 0x04],
    [0x07, 'Firmware or software change success, Mngmt Ctrl IPMI Vers', 0x05],
    [0x07, 'Firmware or software change success, Mngmt Ctrl Aux Firm Id', 0x06],
    [0x07, 'Firmware or software change success, Mngmt Ctrl Firm Boot Block', 0x07],
    [0x07, 'Firmware or software change success, Mngmt Ctrl Other', 0x08],
    [0x07, 'Firmware or software change success, BIOS/EFI change', 0x09],
    [0x07, 'Firmware or software change success, SMBIOS change', 0x0a],
    [0x07, 'Firmware or software change success, O/S change', 0x0b],
    [0x07, 'Firmware or software change success, O/S loader change', 0x0c],
    [0x07, 'Firmware or software change success, Service Diag change', 0x0d],
    [0x07, 'Firmware or software change success, Mngmt SW agent change', 0x0e],
    [0x07, 'Firmware or software change success, Mngmt SW App change', 0x0f],
    [0x07, 'Firmware or software change success, Mngmt SW Middle', 0x10],
    [0x07, 'Firmware or software change success, Prog HW Change (FPGA)', 0x11],
    [0x07, 'Firmware or software change success, board/FRU module change', 0x12],
    [0x07, 'Firmware or software change success, board/FRU component change', 0x13],
    [0x07, 'Firmware or software change success, board/FRU replace equ ver', 0x14],
    [0x07, 'Firmware or software change success, board/FRU replace new ver', 0x15],
    [0x07, 'Firmware or software change success, board/FRU replace old ver', 0x16],
    [0x07, 'Firmware or software change success, board/FRU HW conf change', 0x17],
  ],
  // 0x2c FRU State
  0x2c: [
    [0x00, 'Not Installed'],
    [0x01, 'Inactive'],
    [0x02, 'Activation Requested'],
    [0x03, 'Activation in Progress'],
    [0x04, 'Active'],
    [0x05, 'Deactivation Requested'],
    [0x06, 'Deactivation in Progress'],
    [0x07, 'Communication lost'],
  ],
  // 0xf0 PICMG FRU Hot Swap
  0xf0: [
    [0x00, 'Transition to M0'],
    [0x01, 'Transition to M1'],
    [0x02, 'Transition to M2'],
    [0x03, 'Transition to M3'],
    [0x04, 'Transition to M4'],
    [0x05, 'Transition to M5'],
    [0x06, 'Transition to M6'],
    [0x07, 'Transition to M7'],
  ],
  // 0xf1 PICMG IPMB Physical Link
  0xf1: [
    [0x00, 'IPMB-A disabled, IPMB-B disabled'],
    [0x01, 'IPMB-A enabled, IPMB-B disabled'],
    [0x02, 'IPMB-A disabled, IPMB-B enabled'],
    [0x03, 'IPMB-A enabled, IPMB-B enabled'],
  ],
  // 0xf2 PICMG Module Hot Swap
  0xf2: [
    [0x00, 'Module Handle Closed'],
    [0x01, 'Module Handle Opened'],
    [0x02, 'Quiesced'],
  ],
};

/** The state entries that apply to a sensor: sensor-specific ones for 0x6F, otherwise the generic
 *  table of the event/reading type (empty for OEM and unknown types). */
export function stateEntries(sensorType: number, eventReadingType: number): readonly StateEntry[] {
  const table = eventReadingType === EVENT_READING_TYPE_SENSOR_SPECIFIC ? SENSOR_SPECIFIC : GENERIC;
  const key = eventReadingType === EVENT_READING_TYPE_SENSOR_SPECIFIC ? sensorType : eventReadingType;
  return table[key] ?? [];
}

/**
 * Text of one event offset, e.g. for a SEL record. `eventData2` is passed only when the record
 * says data byte 2 is specified; some offsets (power-supply config error, firmware progress,
 * version change) have one text per data-2 value. Undefined when the offset has no text.
 */
export function eventText(
  sensorType: number,
  eventReadingType: number,
  offset: number,
  eventData2?: number,
): string | undefined {
  for (const [o, text, data2] of stateEntries(sensorType, eventReadingType)) {
    if (o !== offset) continue;
    if (data2 === undefined || (eventData2 !== undefined && data2 === eventData2)) return text;
  }
  return undefined;
}

/**
 * Texts of the asserted states of a discrete sensor, in table order: `state1` holds offsets 0-7
 * and `state2` offsets 8-14 (bit 7 reserved) of Get Sensor Reading bytes 3-4. Only the
 * data-2-independent texts apply to readings.
 */
export function assertedStates(
  sensorType: number,
  eventReadingType: number,
  state1: number,
  state2: number,
): string[] {
  return assertedStateEntries(sensorType, eventReadingType, state1, state2).map((e) => e.text);
}

/** The same as `assertedStates`, with each state's offset (for wording it in another language). */
export function assertedStateEntries(
  sensorType: number,
  eventReadingType: number,
  state1: number,
  state2: number,
): { offset: number; text: string }[] {
  const bits = (state1 & 0xff) | ((state2 & 0x7f) << 8);
  const out: { offset: number; text: string }[] = [];
  for (const [offset, text, data2] of stateEntries(sensorType, eventReadingType)) {
    if (data2 === undefined && offset < 15 && bits & (1 << offset)) out.push({ offset, text });
  }
  return out;
}

/** Human name of an event/reading type code (used by `sdr get`-style detail output). */
export function eventReadingTypeKind(
  code: number,
): 'unspecified' | 'threshold' | 'generic' | 'sensor-specific' | 'oem' | 'reserved' {
  if (code === 0x00) return 'unspecified';
  if (code === EVENT_READING_TYPE_THRESHOLD) return 'threshold';
  if (code >= 0x02 && code <= 0x0c) return 'generic';
  if (code === EVENT_READING_TYPE_SENSOR_SPECIFIC) return 'sensor-specific';
  if (code >= 0x70 && code <= 0x7f) return 'oem';
  return 'reserved';
}
