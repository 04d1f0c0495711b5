#!/bin/sh
# ipmi_sim `chassis_control` hook for the lab BMC. ipmi_sim runs it through popen() as
#   chassis-control.sh <hook-dir> get <parm>...        -> prints "<parm>:<value>" per parm
#   chassis-control.sh <hook-dir> set <parm> <val>...  -> prints nothing on success
# (protocol as in OpenIPMI lanserv/ipmi_sim_chassiscontrol). Nothing real is switched: the requested
# state goes to <hook-dir>/chassis (current values, "parm:value" lines) and every set is appended to
# <hook-dir>/chassis.log, so tests can read back what a client asked for.
dir=$1
op=$2
[ -n "$dir" ] && [ -d "$dir" ] || { echo "no hook dir"; exit 1; }
shift 2
state="$dir/chassis"
[ -f "$state" ] || printf 'power:0\nboot:default\n' >"$state"

# Sets $found; shell builtins only (the last "parm:" line wins): every Get Chassis Status runs this hook, and a fleet
# of lab BMCs answering at once should not pay for extra processes.
lookup() {
	found=
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in "$1:"*) found=${line#"$1:"} ;; esac
	done <"$state"
}

store() {
	# Rewrite via a temp file so a concurrent get never sees a half-written file.
	{ grep -v "^$1:" "$state"; echo "$1:$2"; } >"$state.tmp" && mv "$state.tmp" "$state"
	echo "set $1 $2" >>"$dir/chassis.log"
}

case $op in
get)
	for parm in "$@"; do
		case $parm in
		power | boot)
			lookup "$parm"
			echo "$parm:$found"
			;;
		*) echo "Invalid parameter: $parm"; exit 1 ;;
		esac
	done
	;;
set)
	while [ $# -gt 0 ]; do
		parm=$1
		[ $# -ge 2 ] || { echo "No value present for parameter $parm"; exit 1; }
		val=$2
		shift 2
		case $parm in
		power) store power "$val" ;;
		shutdown)
			# A graceful shutdown request: the lab "host" complies at once and powers off.
			store shutdown "$val"
			[ "$val" = 1 ] && store power 0
			;;
		reset)
			# A reset is a pulse, not a level: count them.
			lookup resets
			store resets $((${found:-0} + 1))
			;;
		boot)
			case $val in
			none | pxe | default | cdrom | bios) store boot "$val" ;;
			*) echo "Invalid boot value: $val"; exit 1 ;;
			esac
			;;
		# One quoted value "<interval> <force>" (ipmi_sim's extcmd_ident), e.g. "15 0"; "0 1" is "on
		# until turned off". Anything else is refused, as a real chassis would.
		identify)
			case $val in
			[0-9] | [0-9][0-9] | [0-9][0-9][0-9]) val="$val 0" ;;
			esac
			set -- $val "$@"
			if [ $# -lt 2 ] || ! [ "$1" -le 255 ] 2>/dev/null || { [ "$2" != 0 ] && [ "$2" != 1 ]; }; then
				echo "Invalid identify value: $val"
				exit 1
			fi
			store identify "$1 $2"
			shift 2
			;;
		*) echo "Invalid parameter: $parm"; exit 1 ;;
		esac
	done
	;;
*)
	# "check" is not defined for chassis control.
	echo "Unsupported operation: $op"
	exit 1
	;;
esac
