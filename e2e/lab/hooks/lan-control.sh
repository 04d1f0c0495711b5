#!/bin/sh
# ipmi_sim `lan_config_program` hook for the lab BMC. ipmi_sim runs it through popen() as
#   lan-control.sh <hook-dir> get <parm>...          -> prints "<parm>:<value>" per parm
#   lan-control.sh <hook-dir> set <parm> <val>...    -> prints nothing on success
#   lan-control.sh <hook-dir> check <parm> <val>...  -> validates without storing
# (protocol as in OpenIPMI lanserv/ipmi_sim_lancontrol). The real script reconfigures a NIC; this one
# never touches an interface: values live in <hook-dir>/lan ("parm:value" lines), every set is appended
# to <hook-dir>/lan.log. Defaults use documentation addresses (192.0.2.0/24, locally administered MACs).
dir=$1
op=$2
[ -n "$dir" ] && [ -d "$dir" ] || { echo "no hook dir"; exit 1; }
shift 2
state="$dir/lan"
if [ ! -f "$state" ]; then
	cat >"$state" <<DEFAULTS
ip_addr:192.0.2.10
ip_addr_src:static
mac_addr:02:00:00:00:00:01
subnet_mask:255.255.255.0
default_gw_ip_addr:192.0.2.1
default_gw_mac_addr:02:00:00:00:00:fe
backup_gw_ip_addr:0.0.0.0
backup_gw_mac_addr:00:00:00:00:00:00
DEFAULTS
fi

known() {
	case $1 in
	ip_addr | ip_addr_src | mac_addr | subnet_mask | default_gw_ip_addr | default_gw_mac_addr | backup_gw_ip_addr | backup_gw_mac_addr) return 0 ;;
	*) return 1 ;;
	esac
}

valid_src() {
	case $1 in static | dhcp) return 0 ;; *) return 1 ;; esac
}

case $op in
get)
	for parm in "$@"; do
		known "$parm" || { echo "Invalid parameter: $parm"; exit 1; }
		# the last "parm:value" line wins; read by the shell itself (no sed/tail processes: ipmi_sim runs
		# this once per Get, so each fork was a millisecond or more of every `lan print`)
		value=
		while IFS= read -r line; do
			case $line in "$parm":*) value=${line#*:} ;; esac
		done <"$state"
		echo "$parm:$value"
	done
	;;
set)
	while [ $# -gt 0 ]; do
		parm=$1
		[ $# -ge 2 ] || { echo "No value present for parameter $parm"; exit 1; }
		val=$2
		shift 2
		known "$parm" || { echo "Invalid parameter: $parm"; exit 1; }
		if [ "$parm" = ip_addr_src ] && ! valid_src "$val"; then
			echo "Invalid ip_addr_src: $val"
			exit 1
		fi
		{ grep -v "^$parm:" "$state"; echo "$parm:$val"; } >"$state.tmp" && mv "$state.tmp" "$state"
		echo "set $parm $val" >>"$dir/lan.log"
	done
	;;
check)
	while [ $# -gt 0 ]; do
		parm=$1
		val=$2
		shift 2
		# As in the reference script, only the address source can be checked.
		[ "$parm" = ip_addr_src ] || { echo "Invalid parameter: $parm"; exit 1; }
		valid_src "$val" || { echo "Invalid ip_addr_src: $val"; exit 1; }
	done
	;;
*)
	echo "Unknown operation: $op"
	exit 1
	;;
esac
