// The texts of `bmcdesk -h`, `bmcdesk help` and `-o list`, laid out as ipmitool 1.8.19 prints them
// (lib/ipmi_main.c ipmi_option_usage / ipmi_cmd_print, src/plugins/ipmi_intf.c ipmi_intf_print,
// lib/ipmi_oem.c ipmi_oem_print), all on stderr as ipmitool's lprintf(LOG_NOTICE) does.
//
// The lines are ipmitool's own, but only for what bmcdesk has: an option, interface or command that
// bmcdesk would refuse is not advertised. ipmitool's tables below are facts carried as data.

/** ipmitool's option help lines, in its order; the letter says which option a line documents. */
const OPTION_LINES: readonly (readonly [string, string])[] = [
  ['h', '       -h             This help'],
  ['V', '       -V             Show version information'],
  ['v', '       -v             Verbose (can use multiple times)'],
  ['c', '       -c             Display output in comma separated format'],
  ['d', '       -d N           Specify a /dev/ipmiN device to use (default=0)'],
  ['I', '       -I intf        Interface to use'],
  ['H', '       -H hostname    Remote host name for LAN interface'],
  ['p', '       -p port        Remote RMCP port [default=623]'],
  ['U', '       -U username    Remote session username'],
  ['f', '       -f file        Read remote session password from file'],
  ['z', '       -z size        Change Size of Communication Channel (OEM)'],
  ['S', '       -S sdr         Use local file for remote SDR cache'],
  ['D', '       -D tty:b[:s]   Specify the serial device, baud rate to use'],
  ['D', '                      and, optionally, specify that interface is the system one'],
  ['4', '       -4             Use only IPv4'],
  ['6', '       -6             Use only IPv6'],
  ['a', '       -a             Prompt for remote password'],
  ['Y', '       -Y             Prompt for the Kg key for IPMIv2 authentication'],
  ['e', '       -e char        Set SOL escape character'],
  ['C', '       -C ciphersuite Cipher suite to be used by lanplus interface'],
  ['k', '       -k key         Use Kg key for IPMIv2 authentication'],
  ['y', '       -y hex_key     Use hexadecimal-encoded Kg key for IPMIv2 authentication'],
  ['L', '       -L level       Remote session privilege level [default=ADMINISTRATOR]'],
  ['L', "                      Append a '+' to use name/privilege lookup in RAKP1"],
  ['A', '       -A authtype    Force use of auth type NONE, PASSWORD, MD2, MD5 or OEM'],
  ['P', '       -P password    Remote session password'],
  ['E', '       -E             Read password from IPMI_PASSWORD environment variable'],
  ['K', '       -K             Read kgkey from IPMI_KGKEY environment variable'],
  ['m', '       -m address     Set local IPMB address'],
  ['b', '       -b channel     Set destination channel for bridged request'],
  ['t', '       -t address     Bridge request to remote target address'],
  ['B', '       -B channel     Set transit channel for bridged request (dual bridge)'],
  ['T', '       -T address     Set transit address for bridge request (dual bridge)'],
  ['l', '       -l lun         Set destination lun for raw commands'],
  ['o', "       -o oemtype     Setup for OEM (use 'list' to see available OEM types)"],
  ['O', '       -O seloem      Use file for OEM SEL event descriptions'],
  ['N', '       -N seconds     Specify timeout for lan [default=2] / lanplus [default=1] interface'],
  ['R', '       -R retry       Set the number of retries for lan/lanplus interface [default=4]'],
  ['Z', '       -Z             Display all dates in UTC'],
];

/** ipmitool's interface table (name, description); bmcdesk has the two LAN ones, lanplus its default. */
const INTERFACES: readonly (readonly [string, string])[] = [
  ['lan', 'IPMI v1.5 LAN Interface'],
  ['lanplus', 'IPMI v2.0 RMCP+ LAN Interface'],
];
const DEFAULT_INTERFACE = 'lanplus';

/** ipmitool's command table (src/ipmitool.c ipmitool_cmd_list) in its order, with its descriptions. */
export const IPMITOOL_COMMANDS: readonly (readonly [string, string])[] = [
  ['raw', 'Send a RAW IPMI request and print response'],
  ['i2c', 'Send an I2C Master Write-Read command and print response'],
  ['spd', 'Print SPD info from remote I2C device'],
  ['lan', 'Configure LAN Channels'],
  ['chassis', 'Get chassis status and set power state'],
  ['power', 'Shortcut to chassis power commands'],
  ['event', 'Send pre-defined events to MC'],
  ['mc', 'Management Controller status and global enables'],
  ['sdr', 'Print Sensor Data Repository entries and readings'],
  ['sensor', 'Print detailed sensor information'],
  ['fru', 'Print built-in FRU and scan SDR for FRU locators'],
  ['gendev', 'Read/Write Device associated with Generic Device locators sdr'],
  ['sel', 'Print System Event Log (SEL)'],
  ['pef', 'Configure Platform Event Filtering (PEF)'],
  ['sol', 'Configure and connect IPMIv2.0 Serial-over-LAN'],
  ['tsol', 'Configure and connect with Tyan IPMIv1.5 Serial-over-LAN'],
  ['isol', 'Configure IPMIv1.5 Serial-over-LAN'],
  ['user', 'Configure Management Controller users'],
  ['channel', 'Configure Management Controller channels'],
  ['session', 'Print session information'],
  ['dcmi', 'Data Center Management Interface'],
  ['nm', 'Node Manager Interface'],
  ['sunoem', 'OEM Commands for Sun servers'],
  ['kontronoem', 'OEM Commands for Kontron devices'],
  ['picmg', 'Run a PICMG/ATCA extended cmd'],
  ['fwum', 'Update IPMC using Kontron OEM Firmware Update Manager'],
  // ipmitool's "firewall" is the IPMI firmware firewall (command enables); bmcdesk's is the AMI
  // MegaRAC OEM network firewall with a syntax of its own, so it says so rather than borrow the line.
  ['firewall', 'Configure the AMI MegaRAC OEM network firewall (bmcdesk syntax)'],
  ['delloem', 'OEM Commands for Dell systems'],
  ['shell', 'Launch interactive IPMI shell'],
  ['exec', 'Run list of commands from file'],
  ['set', 'Set runtime variable for shell and exec'],
  ['hpm', 'Update HPM components using PICMG HPM.1 file'],
  ['ekanalyzer', 'run FRU-Ekeying analyzer using FRU files'],
  ['ime', 'Update Intel Manageability Engine Firmware'],
  ['vita', 'Run a VITA 46.11 extended cmd'],
  ['lan6', 'Configure IPv6 LAN Channels'],
];

/** commands ipmitool's table has without a description, so its list leaves them out */
const UNLISTED = new Set(['bmc', 'echo']);

/** ipmitool's -o types (lib/ipmi_oem.c ipmi_oem_list). */
export const OEM_TYPES: readonly (readonly [string, string])[] = [
  ['supermicro', 'Supermicro IPMIv1.5 BMC with OEM LAN authentication support'],
  ['intelwv2', 'Intel SE7501WV2 IPMIv1.5 BMC with extra LAN communication support'],
  ['intelplus', 'Intel IPMI 2.0 BMC with RMCP+ communication support'],
  ['icts', 'IPMI 2.0 ICTS compliance support'],
  ['ibm', 'IBM OEM support'],
  ['i82571spt', 'Intel 82571 MAC with integrated RMCP+ support in super pass-through mode'],
  ['kontron', 'Kontron OEM big buffer support'],
  ['quanta', 'Quanta IPMIv1.5 BMC with OEM LAN authentication support'],
];

/** `help`: the commands this run can execute, as ipmitool's ipmi_cmd_print lists them. */
export function commandListText(available: readonly string[]): string {
  const names = new Set(available);
  const rows = IPMITOOL_COMMANDS.filter(([name]) => names.has(name));
  for (const name of available)
    if (!UNLISTED.has(name) && !IPMITOOL_COMMANDS.some(([n]) => n === name)) rows.push([name, '']);
  return 'Commands:\n' + rows.map(([name, desc]) => `\t${name.padEnd(12)}  ${desc}\n`).join('') + '\n';
}

/** `-h`, and what getopt prints after refusing an option. */
export function usageText(
  progname: string,
  version: string | undefined,
  commands: readonly string[],
  accepted: string,
): string {
  const options = OPTION_LINES.filter(([letter]) => accepted.includes(letter)).map(([, line]) => line + '\n');
  const interfaces = INTERFACES.map(
    ([name, desc]) => `\t${name.padEnd(12)}  ${desc} ${name === DEFAULT_INTERFACE ? '[default]' : ''}\n`,
  );
  return (
    `${progname} version ${version ?? 'unknown'}\n\n` +
    `usage: ${progname} [options...] <command>\n\n` +
    options.join('') +
    '\n' +
    'Interfaces:\n' +
    interfaces.join('') +
    '\n' +
    commandListText(commands)
  );
}

/** `-o list` */
export function oemTypesText(): string {
  return (
    '\nOEM Support:\n' + OEM_TYPES.map(([name, desc]) => `\t${name.padEnd(12)} ${desc}\n`).join('') + '\n'
  );
}
