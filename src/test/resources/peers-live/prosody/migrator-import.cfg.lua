-- prosody-migrator: xep0227 (one <user>@<host>.xml per account) -> internal storage.
-- ProsodyPeer runs it twice: the keyval stores ("accounts" first), then "archive-archive" alone (see ProsodyPeer).
local stores = { @STORES@ }
input { hosts = { ["@DOMAIN@"] = stores }; type = "xep0227"; }
output { type = "internal"; path = "@BASE@/data"; }
