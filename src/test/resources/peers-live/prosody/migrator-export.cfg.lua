-- prosody-migrator: internal storage -> xep0227 (one <user>@<host>.xml per account).
-- Every store the 0.12 xep0227 driver handles, "accounts" first (the others write into its <user>).
-- The driver has no handler for "offline" or "blocklist": naming them aborts the migration.
local stores = { "accounts"; "roster"; "vcard"; "private"; "pep-pubsub"; "archive-archive"; }
input { hosts = { ["@DOMAIN@"] = stores }; type = "internal"; path = "@BASE@/data"; }
output { type = "xep0227"; }
