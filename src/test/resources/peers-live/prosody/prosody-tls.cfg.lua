-- Prosody 0.12 for the live pull tests (ProsodyPeer.createWithTls fills in the @…@ values).
-- As prosody.cfg.lua, but TLS is required: STARTTLS on the client port and direct TLS (XEP-0368) on a second one,
-- with a certificate from the test's own CA.
pidfile = "@BASE@/prosody.pid"
data_path = "@BASE@/data"
certificates = "@BASE@/certs"
run_as_root = true
log = { { levels = { min = "info" }, to = "file", filename = "@BASE@/prosody.log" }; }
interfaces = { "@IP@" }
local_interfaces = { "@IP@" }
c2s_ports = { @PORT@ }
c2s_direct_tls_ports = { @TLS_PORT@ }
s2s_ports = {}
http_ports = {}
https_ports = {}

-- mod_vcard (not mod_vcard_legacy) keeps vcard-temp in the store the xep0227 driver moves;
-- mod_bookmarks is left out: it would move jabber:iq:private storage:bookmarks into PEP.
modules_enabled = {
	"roster"; "saslauth"; "tls"; "disco"; "private"; "vcard"; "pep"; "mam"; "offline"; "blocklist"; "ping";
}
modules_disabled = { "s2s"; }

c2s_require_encryption = true
allow_unencrypted_plain_auth = false
ssl = { certificate = "@CERT@"; key = "@KEY@"; }
c2s_direct_tls_ssl = { certificate = "@CERT@"; key = "@KEY@"; }
authentication = "internal_hashed"
storage = "internal"
default_archive_policy = true
archive_expires_after = "never"
max_archive_query_results = 200

VirtualHost "@DOMAIN@"
	ssl = { certificate = "@CERT@"; key = "@KEY@"; }
