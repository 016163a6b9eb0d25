#!/bin/bash
# Regenerate the ejabberd XEP-0227 fixtures.
# Debian bookworm, packages: ejabberd (23.01-1), python3-slixmpp (1.8.3).
# Runs as root (ejabberdctl itself switches to the 'ejabberd' user);
# everything lives under /tmp/ejabberd; c2s on 127.0.0.1:15222 only,
# epmd/erlang distribution bound to loopback.
# ejabberd.yml and ejabberdctl.cfg must be next to this script; fill.py (shared with ../prosody) is in the parent folder.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/ejabberd
D=ejabberd.example
PY=/usr/bin/python3   # Debian python (has python3-slixmpp)

rm -rf "$BASE"
mkdir -p "$BASE/etc" "$BASE/db" "$BASE/log" "$BASE/export"
cp "$HERE/ejabberd.yml" "$HERE/ejabberdctl.cfg" "$BASE/etc/"
cp /etc/ejabberd/inetrc "$BASE/etc/"
chown -R ejabberd:ejabberd "$BASE"
cd "$BASE"

E="ejabberdctl --config-dir $BASE/etc --spool $BASE/db --logs $BASE/log"
$E start
$E started
$E status

# 1. accounts (auth_password_format: scram, auth_scram_hash: sha)
$E register juliet $D 'pencil-Jülïet'
for u in romeo mercutio tybalt nurse benvolio paris; do
	$E register $u $D secret
done

# 2. vCard (vcard-temp) with the admin commands
B64=$($PY "$HERE/../fill.py" --print-avatar-b64)
$E set_vcard  juliet $D FN 'Juliet Capulet'
$E set_vcard2 juliet $D N FAMILY 'Capulet'
$E set_vcard2 juliet $D N GIVEN 'Juliet'
$E set_vcard  juliet $D NICKNAME 'Jules ☀'
$E set_vcard2 juliet $D EMAIL USERID 'juliet@capulet.example'
$E set_vcard  juliet $D BDAY '1583-07-31'
$E set_vcard  juliet $D DESC 'Wherefore art thou Romeo? — 日本語テキスト'
$E set_vcard2 juliet $D PHOTO TYPE 'image/png'
$E set_vcard2 juliet $D PHOTO BINVAL "$B64"
$E get_vcard  juliet $D FN
$E get_vcard2 juliet $D PHOTO TYPE

# 3. private XML storage (XEP-0049) with the admin command
$E private_set juliet $D "<storage xmlns='storage:bookmarks'><conference jid='capulets@conference.$D' autojoin='true' name='Capulet Family Room ♥'><nick>Juliet</nick></conference><url name='Verona Tourism' url='https://verona.example/'/></storage>"
$E private_set juliet $D "<exodus xmlns='exodus:prefs'><defaultnick>Jules</defaultnick><color>rosé</color></exodus>"
$E private_set juliet $D "<storage xmlns='storage:rosternotes'><note jid='romeo@$D' cdate='2024-01-01T00:00:00Z' mdate='2024-01-02T00:00:00Z'>Meet at the balcony 🌙</note></storage>"
$E private_get juliet $D storage storage:bookmarks

# 4. client-side fill: roster with real subscription handshakes, PEP, MAM,
#    privacy lists, XEP-0191 blocking
$PY "$HERE/../fill.py" --domain $D --port 15222 --phases roster,pep,mam,privacy,blocklist

# 5. one more roster item through the admin command (remote contact, two groups)
$E add_rosteritem juliet $D friar laurence.example 'Friar Laurence ✝' 'Clergy;Allies' both
$E get_roster juliet $D

# 6. offline messages (juliet is offline from here on)
$E send_message chat mercutio@$D juliet@$D '' 'Admin-sent offline chat: O, I am slain! ☠'
$E send_message normal nurse@$D juliet@$D 'Tidings — 日本語' 'Your lady mother is coming to your chamber.'
$E send_message headline tybalt@$D juliet@$D 'Headline' 'Tybalt headline (offline)'
$PY "$HERE/../fill.py" --domain $D --port 15222 --phases offline

# 7. export (XEP-0227 / PIEFXIS): writes <timestamp>.xml + <timestamp>_ejabberd_example.xml
$E export_piefxis "$BASE/export"
ls -la "$BASE/export"

# 8. stop the node (and the epmd daemon that erl started for it)
$E stop
$E stopped || true
epmd -kill || true   # stop the epmd that erl started (loopback only)
