#!/bin/sh
# Regenerate the Prosody XEP-0227 fixtures.
# Debian bookworm, packages: prosody (0.12.3-1+deb12u1), python3-slixmpp (1.8.3).
# Runs as root; everything lives under /tmp/prosody; server listens on 127.0.0.1:5222 only.
# fill.py (the XMPP client, shared with ../ejabberd) is in the parent folder.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/prosody
DOMAIN=prosody.example
CFG=$BASE/prosody.cfg.lua
PY=/usr/bin/python3   # Debian python (has python3-slixmpp)

rm -rf "$BASE"
mkdir -p "$BASE/data" "$BASE/certs" "$BASE/export"

cat > "$CFG" <<'EOF'
-- Prosody 0.12 config for generating XEP-0227 test fixtures (loopback only)
pidfile = "/tmp/prosody/prosody.pid"
data_path = "/tmp/prosody/data"
certificates = "/tmp/prosody/certs"
run_as_root = true
log = {
	{ levels = { min = "debug" }, to = "file", filename = "/tmp/prosody/prosody.log" };
}
interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
c2s_ports = { 5222 }
c2s_direct_tls_ports = {}
http_ports = {}
https_ports = {}
admin_socket = "/tmp/prosody/prosody.sock"

-- NOTE: mod_bookmarks is deliberately NOT loaded: it would intercept
-- jabber:iq:private storage:bookmarks and move it to PEP.
modules_enabled = {
	"roster"; "saslauth"; "disco"; "private"; "vcard"; "pep";
	"mam"; "offline"; "blocklist"; "carbons"; "ping"; "time"; "version";
	"lastactivity"; "admin_shell";
}
modules_disabled = { "s2s"; "tls"; }

c2s_require_encryption = false
allow_unencrypted_plain_auth = true
authentication = "internal_hashed"
storage = "internal"

-- MAM: archive everything, keep forever
default_archive_policy = true
archive_expires_after = "never"
max_archive_query_results = 200

VirtualHost "prosody.example"
EOF

P="prosodyctl --config $CFG"
# 1. accounts (prosodyctl writes the internal_hashed SCRAM-SHA-1 credentials)
$P register juliet $DOMAIN 'pencil-Jülïet'
for u in romeo mercutio tybalt nurse benvolio paris; do
	$P register $u $DOMAIN secret
done

# 2. start the server (foreground process in background, pid in $BASE/prosody.pid)
prosody --config "$CFG" -F > "$BASE/stdout.log" 2>&1 &
sleep 3

# 3. fill through real client connections (order matters: offline must be last,
#    i.e. after juliet's last login)
$PY "$HERE/../fill.py" --domain $DOMAIN --port 5222 \
	--phases roster,vcard,private,pep,mam,blocklist,offline

# 4. stop the server
kill "$(cat $BASE/prosody.pid)"
sleep 2

# 5. export with prosody-migrator (internal -> xep0227)
cat > "$BASE/migrator.cfg.lua" <<'EOF'
local vhost = {
	"accounts";        -- must be first: creates <user> elements incl. SCRAM
	"roster";          -- roster items + pending inbound subscriptions
	"vcard";           -- vcard-temp
	"private";         -- XEP-0049
	"pep-pubsub";      -- PEP node configs ("pep") + items ("pep_<node>")
	"archive-archive"; -- mod_mam archive
}
input {
	hosts = { ["prosody.example"] = vhost };
	type = "internal";
	path = "/tmp/prosody/data";
}
output {
	type = "xep0227";
	path = "/tmp/prosody/export"; -- ignored by 0.12 for xep0227, see below
}
EOF
# prosody-migrator 0.12 ignores 'path' for xep0227 and writes to its compiled-in
# data dir (CFG_DATADIR=/var/lib/prosody). To keep the stock tool unchanged and
# not touch /var/lib/prosody, run it in a private mount namespace where
# /var/lib/prosody is bind-mounted onto /tmp/prosody/export.
unshare -m sh -c "mount --bind $BASE/export /var/lib/prosody && \
	prosody-migrator --root --config $BASE/migrator.cfg.lua input output" \
	2>&1 | tee "$BASE/migrator.log"
ls -la "$BASE/export"
