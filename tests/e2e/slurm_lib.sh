# SPDX-License-Identifier: MIT
# slurm_lib.sh — a single-node Slurm for the end-to-end tests (sourced):
# slurm_start DIR runs munged (a fresh key), slurmctld and slurmd on this
# machine with a temporary slurm.conf in DIR and exports SLURM_CONF, so
# sbatch, squeue and scancel talk to it; slurm_stop ends the three daemons
# (by their pid files). slurm_available says why there is none.

slurm_available() {
	local c
	for c in munged slurmctld slurmd sbatch squeue scancel sinfo; do
		command -v "$c" >/dev/null 2>&1 || [[ -x /usr/sbin/$c ]] || {
			echo "$c not installed (apt-get install slurm-wlm munge)"
			return 1
		}
	done
	if [[ $(id -u) -ne 0 ]]; then
		echo "slurmd must run as root to start jobs as the test's user"
		return 1
	fi
}

free_port() { # a TCP port nobody listens on
	local p
	for _ in $(seq 1 50); do
		p=$((20000 + RANDOM % 20000))
		(: </dev/tcp/127.0.0.1/$p) 2>/dev/null || {
			echo $p
			return
		}
	done
	return 1
}

slurm_start() {
	SLURM_DIR=$1
	local node cpus mem
	node=$(hostname -s)
	cpus=$(nproc)
	mem=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2))
	mkdir -p "$SLURM_DIR"/{munge,state,spool,log}
	chmod 700 "$SLURM_DIR/munge"
	dd if=/dev/urandom of="$SLURM_DIR/munge/munge.key" bs=1024 count=1 2>/dev/null
	chmod 400 "$SLURM_DIR/munge/munge.key"
	PATH=$PATH:/usr/sbin munged --force --key-file="$SLURM_DIR/munge/munge.key" \
		--socket="$SLURM_DIR/munge/munge.socket" --pid-file="$SLURM_DIR/munge/munged.pid" \
		--log-file="$SLURM_DIR/log/munged.log" --seed-file="$SLURM_DIR/munge/seed" || return 1
	cat >"$SLURM_DIR/slurm.conf" <<CONF
ClusterName=aidtrace-test
SlurmctldHost=$node
SlurmUser=root
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
AuthInfo=socket=$SLURM_DIR/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$SLURM_DIR/state
SlurmdSpoolDir=$SLURM_DIR/spool
SlurmctldPidFile=$SLURM_DIR/slurmctld.pid
SlurmdPidFile=$SLURM_DIR/slurmd.pid
SlurmctldLogFile=$SLURM_DIR/log/slurmctld.log
SlurmdLogFile=$SLURM_DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmdTimeout=30
MinJobAge=2
NodeName=$node CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
	export SLURM_CONF=$SLURM_DIR/slurm.conf
	PATH=$PATH:/usr/sbin slurmctld -i -f "$SLURM_CONF" || return 1
	PATH=$PATH:/usr/sbin slurmd -f "$SLURM_CONF" -N "$node" || return 1
	local state
	for _ in $(seq 1 150); do
		state=$(sinfo -h -N -o %T 2>/dev/null | head -1)
		[[ "$state" == idle ]] && return 0
		sleep 0.2
	done
	echo "slurm: the node did not come up (state: ${state:-none})"
	tail -5 "$SLURM_DIR/log/slurmctld.log" "$SLURM_DIR/log/slurmd.log"
	return 1
}

slurm_stop() {
	local f
	[[ -n "${SLURM_DIR:-}" ]] || return 0
	for f in slurmd.pid slurmctld.pid munge/munged.pid; do
		[[ -s "$SLURM_DIR/$f" ]] && kill "$(cat "$SLURM_DIR/$f")" 2>/dev/null
	done
	sleep 0.5
	return 0
}
