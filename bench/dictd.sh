# Sourced by the benchmark scripts that compare tolmach with a local dictd
# serving Debian's mueller7-dict, so that both start it the same way.

# start_dictd DIR PORT starts dictd in the background on 127.0.0.1:PORT
# with its configuration and logs in DIR (which dictd's user must be able
# to write: chmod 1777), and sets DICTD_PID. The caller stops it.
start_dictd() {
	local dir=$1 port=$2
	cat >"$dir/dictd.conf" <<CONF
global {
	listen_to 127.0.0.1
	port $port
}
access {
	allow 127.0.0.1
}
database mueller7 {
	data  /usr/share/dictd/mueller7.dict.dz
	index /usr/share/dictd/mueller7.index
}
CONF
	dictd -c "$dir/dictd.conf" -d nodetach -L "$dir/dictd.log" >"$dir/dictd.out" 2>&1 &
	DICTD_PID=$!
}
