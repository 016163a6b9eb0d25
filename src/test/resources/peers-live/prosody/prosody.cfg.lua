-- Prosody 0.12 for the live peer tests (ProsodyPeer writes this file with the @…@ values filled in).
-- Loopback only, no TLS, no s2s, no HTTP: a child process of the test JVM, run as root.
pidfile = "@BASE@/prosody.pid"
data_path = "@BASE@/data"
certificates = "@BASE@/certs"
run_as_root = true
log = { { levels = { min = "info" }, to = "file", filename = "@BASE@/prosody.log" }; }
interfaces = { "@IP@" }
local_interfaces = { "@IP@" }
c2s_ports = { @PORT@ }
c2s_direct_tls_ports = {}
s2s_ports = {}
http_ports = {}
https_ports = {}

-- mod_vcard (not mod_vcard_legacy) keeps vcard-temp in the store the xep0227 driver moves;
-- mod_bookmarks is left out: it would move jabber:iq:private storage:bookmarks into PEP.
modules_enabled = {
	"roster"; "saslauth"; "disco"; "private"; "vcard"; "pep"; "mam"; "offline"; "blocklist"; "ping";
}
modules_disabled = { "s2s"; "tls"; }

c2s_require_encryption = false
allow_unencrypted_plain_auth = true
authentication = "internal_hashed"
storage = "internal"
default_archive_policy = true
archive_expires_after = "never"
max_archive_query_results = 200

VirtualHost "@DOMAIN@"
