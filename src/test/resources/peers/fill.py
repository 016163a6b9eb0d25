#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""
Fill a running XMPP server (Prosody or ejabberd, on loopback) with test data
for XEP-0227 export fixtures.  Uses Debian's python3-slixmpp (1.8.x).

Usage:
  /usr/bin/python3 fill.py --domain prosody.example --port 5222 --phases roster,vcard,...
  /usr/bin/python3 fill.py --print-avatar-b64      (prints the PNG avatar as base64)
  /usr/bin/python3 fill.py --print-avatar-sha1

Phases (run in the order given):
  roster     roster items + real subscription handshakes (both/to/from/none,
             ask=subscribe, pending inbound requests left unanswered)
  vcard      vcard-temp set by juliet's client
  private    XEP-0049 private XML (storage:bookmarks, exodus:prefs, storage:rosternotes)
  pep        PEP: avatar data+metadata, XEP-0402 bookmarks (whitelist), nick,
             vcard4, custom namespace node
  mam        chat messages juliet<->romeo and juliet<->nurse (juliet online)
  blocklist  XEP-0191 block of JIDs by juliet
  privacy    XEP-0016 privacy lists for juliet (+ default list)
  offline    messages sent to juliet while she is offline (by clients)

Passwords: juliet = 'pencil-Jülïet' (NFC), everybody else = 'secret'.
"""
import argparse
import asyncio
import base64
import hashlib
import logging
import struct
import sys
import unicodedata
import zlib

from slixmpp import ClientXMPP
from slixmpp.exceptions import IqError, IqTimeout
from slixmpp.xmlstream import ET

JULIET_PW = unicodedata.normalize("NFC", "pencil-Jülïet")
OTHER_PW = "secret"

log = logging.getLogger("fill")


# --------------------------------------------------------------------------
# A small, real PNG (8x8, RGB, red/white checker), generated deterministically
# --------------------------------------------------------------------------
def make_png():
    w = h = 8
    raw = b""
    for y in range(h):
        raw += b"\x00"  # filter type none
        for x in range(w):
            raw += b"\xcc\x11\x33" if (x + y) % 2 == 0 else b"\xff\xff\xff"

    def chunk(typ, data):
        c = struct.pack(">I", len(data)) + typ + data
        return c + struct.pack(">I", zlib.crc32(typ + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


PNG = make_png()
PNG_B64 = base64.b64encode(PNG).decode("ascii")
PNG_SHA1 = hashlib.sha1(PNG).hexdigest()


# --------------------------------------------------------------------------
class Client(ClientXMPP):
    _n = 0

    def __init__(self, jid, password):
        super().__init__(jid, password)
        # never answer subscription requests automatically
        self.roster.auto_authorize = None
        self.roster.auto_subscribe = None
        self["feature_mechanisms"].unencrypted_plain = True
        self.got = []
        self.add_event_handler("message", lambda m: self.got.append(m))
        self.add_event_handler(
            "presence_subscribe",
            lambda p: log.info("%s got subscribe from %s", self.boundjid.bare, p["from"]))

    def next_id(self, prefix="fill"):
        Client._n += 1
        return "%s-%d" % (prefix, Client._n)

    async def iq(self, itype, xml, to=None):
        i = self.Iq()
        i["id"] = self.next_id()
        i["type"] = itype
        if to:
            i["to"] = to
        i.append(ET.fromstring(xml))
        try:
            r = await i.send(timeout=15)
        except IqError as e:
            log.error("IQ error for %s: %s", xml[:120], e.iq)
            raise
        return r


async def login(args, user, present=True):
    pw = JULIET_PW if user == "juliet" else OTHER_PW
    c = Client("%s@%s/fill" % (user, args.domain), pw)
    c.connect(address=("127.0.0.1", args.port), force_starttls=False,
              disable_starttls=True)
    await c.wait_until("session_start", 20)
    await c.get_roster()
    if present:
        c.send_presence()
    await asyncio.sleep(0.3)
    log.info("logged in %s", c.boundjid)
    return c


async def logout(*clients):
    futs = [c.disconnect(wait=1.0) for c in clients]
    try:
        await asyncio.wait_for(asyncio.gather(*futs, return_exceptions=True), 15)
    except asyncio.TimeoutError:
        log.warning("timeout while disconnecting")
    await asyncio.sleep(0.5)


def roster_item(jid, name=None, groups=()):
    from xml.sax.saxutils import quoteattr, escape
    s = "<query xmlns='jabber:iq:roster'><item jid=%s" % quoteattr(jid)
    if name is not None:
        s += " name=%s" % quoteattr(name)
    s += ">" + "".join("<group>%s</group>" % escape(g) for g in groups)
    return s + "</item></query>"


def sub(c, to, ptype):
    c.send_presence(pto=to, ptype=ptype)


# --------------------------------------------------------------------------
async def phase_roster(a):
    D = a.domain
    J = "juliet@" + D
    jul = await login(a, "juliet")
    rom = await login(a, "romeo")
    mer = await login(a, "mercutio")
    tyb = await login(a, "tybalt")
    nur = await login(a, "nurse")
    ben = await login(a, "benvolio")
    par = await login(a, "paris")

    # juliet's roster items (names / groups)
    await jul.iq("set", roster_item("romeo@" + D, "Roméo Montague ❤", ["Lovers", "Montague"]))
    await jul.iq("set", roster_item("mercutio@" + D, "Mercutio", ["Friends", "Montague"]))
    await jul.iq("set", roster_item("tybalt@" + D, "日本語", ["Capulet", "家族"]))
    await jul.iq("set", roster_item("nurse@" + D, "Zoë Ångström", ["Capulet"]))
    await jul.iq("set", roster_item("benvolio@" + D, "Benvolio", ["Montague"]))
    await jul.iq("set", roster_item("rosaline@verona.example"))  # no name, no group
    # a few items on the other side too
    await rom.iq("set", roster_item(J, "Juliet 🌹", ["Lovers"]))
    await tyb.iq("set", roster_item(J, "Cousin Juliet", ["Capulet"]))

    # romeo: both
    sub(jul, "romeo@" + D, "subscribe"); await asyncio.sleep(1)
    sub(rom, J, "subscribed"); await asyncio.sleep(1)
    sub(rom, J, "subscribe"); await asyncio.sleep(1)
    sub(jul, "romeo@" + D, "subscribed"); await asyncio.sleep(1)
    # mercutio: to (juliet -> mercutio approved)
    sub(jul, "mercutio@" + D, "subscribe"); await asyncio.sleep(1)
    sub(mer, J, "subscribed"); await asyncio.sleep(1)
    # tybalt: from (tybalt -> juliet approved by juliet)
    sub(tyb, J, "subscribe"); await asyncio.sleep(1)
    sub(jul, "tybalt@" + D, "subscribed"); await asyncio.sleep(1)
    # nurse: none (roster item only)
    # benvolio: none + ask=subscribe (outbound request never answered)
    sub(jul, "benvolio@" + D, "subscribe"); await asyncio.sleep(1)
    # pending INBOUND requests, never answered by juliet:
    #   paris (not in juliet's roster) and mercutio (in roster with subscription=to)
    sub(par, J, "subscribe"); await asyncio.sleep(1)
    sub(mer, J, "subscribe"); await asyncio.sleep(1)

    r = await jul.iq("get", "<query xmlns='jabber:iq:roster'/>")
    log.info("juliet roster now:\n%s", r)
    await logout(jul, rom, mer, tyb, nur, ben, par)


VCARD = (
    "<vCard xmlns='vcard-temp'>"
    "<FN>Juliet Capulet</FN>"
    "<N><FAMILY>Capulet</FAMILY><GIVEN>Juliet</GIVEN></N>"
    "<NICKNAME>Jules ☀</NICKNAME>"
    "<EMAIL><INTERNET/><PREF/><USERID>juliet@capulet.example</USERID></EMAIL>"
    "<BDAY>1583-07-31</BDAY>"
    "<DESC>Wherefore art thou Romeo? — 日本語テキスト</DESC>"
    "<PHOTO><TYPE>image/png</TYPE><BINVAL>" + PNG_B64 + "</BINVAL></PHOTO>"
    "</vCard>")


async def phase_vcard(a):
    jul = await login(a, "juliet", present=False)
    await jul.iq("set", VCARD)
    r = await jul.iq("get", "<vCard xmlns='vcard-temp'/>")
    log.info("vcard: %s", r)
    await logout(jul)


PRIVATE = [
    "<storage xmlns='storage:bookmarks'>"
    "<conference jid='capulets@conference.%(d)s' autojoin='true' name='Capulet Family Room ♥'>"
    "<nick>Juliet</nick></conference>"
    "<url name='Verona Tourism' url='https://verona.example/'/>"
    "</storage>",
    "<exodus xmlns='exodus:prefs'><defaultnick>Jules</defaultnick><color>rosé</color></exodus>",
    "<storage xmlns='storage:rosternotes'>"
    "<note jid='romeo@%(d)s' cdate='2024-01-01T00:00:00Z' mdate='2024-01-02T00:00:00Z'>"
    "Meet at the balcony 🌙</note></storage>",
]


async def phase_private(a):
    jul = await login(a, "juliet", present=False)
    for frag in PRIVATE:
        await jul.iq("set", "<query xmlns='jabber:iq:private'>%s</query>" % (frag % {"d": a.domain}))
    for q in ("<storage xmlns='storage:bookmarks'/>", "<exodus xmlns='exodus:prefs'/>",
              "<storage xmlns='storage:rosternotes'/>"):
        r = await jul.iq("get", "<query xmlns='jabber:iq:private'>%s</query>" % q)
        log.info("private: %s", r)
    await logout(jul)


def publish(node, item_id, payload, options=None):
    s = ("<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='%s'>"
         "<item id='%s'>%s</item></publish>" % (node, item_id, payload))
    if options:
        s += ("<publish-options><x xmlns='jabber:x:data' type='submit'>"
              "<field var='FORM_TYPE' type='hidden'>"
              "<value>http://jabber.org/protocol/pubsub#publish-options</value></field>")
        for k, v in options:
            s += "<field var='%s'><value>%s</value></field>" % (k, v)
        s += "</x></publish-options>"
    return s + "</pubsub>"


async def publish_adaptive(c, node, item_id, payload, options):
    """Publish with publish-options; if the server rejects an option field
    (ejabberd 23.01 does not know pubsub#max_items in publish-options),
    drop that field and retry."""
    import re
    opts = list(options or [])
    while True:
        try:
            return await c.iq("set", publish(node, item_id, payload, opts))
        except IqError as e:
            m = re.search(r"Unknown field '([^']+)'", e.iq["error"]["text"])
            if not m or not any(k == m.group(1) for k, _ in opts):
                raise
            log.warning("server rejected publish-option %s on %s; retrying without it",
                        m.group(1), node)
            opts = [(k, v) for k, v in opts if k != m.group(1)]


async def phase_pep(a):
    D = a.domain
    jul = await login(a, "juliet")
    # avatar (XEP-0084): data first, then metadata, same id = SHA-1 of the PNG
    await jul.iq("set", publish("urn:xmpp:avatar:data", PNG_SHA1,
                                "<data xmlns='urn:xmpp:avatar:data'>%s</data>" % PNG_B64))
    await jul.iq("set", publish(
        "urn:xmpp:avatar:metadata", PNG_SHA1,
        "<metadata xmlns='urn:xmpp:avatar:metadata'><info bytes='%d' id='%s' height='8' width='8' "
        "type='image/png'/></metadata>" % (len(PNG), PNG_SHA1)))
    # XEP-0402 bookmarks, item id = room JID, whitelist access model
    bm_opts = [("pubsub#persist_items", "true"), ("pubsub#max_items", "max"),
               ("pubsub#send_last_published_item", "never"),
               ("pubsub#access_model", "whitelist")]
    await publish_adaptive(jul,
        "urn:xmpp:bookmarks:1", "capulets@conference." + D,
        "<conference xmlns='urn:xmpp:bookmarks:1' name='Capulet Family Room ♥' autojoin='true'>"
        "<nick>Juliet</nick></conference>", bm_opts)
    await publish_adaptive(jul,
        "urn:xmpp:bookmarks:1", "balcony@conference." + D,
        "<conference xmlns='urn:xmpp:bookmarks:1' name='Balcony'>"
        "<nick>Jules</nick><password>r0m30</password></conference>", bm_opts)
    # nick (XEP-0172)
    await jul.iq("set", publish("http://jabber.org/protocol/nick", "current",
                                "<nick xmlns='http://jabber.org/protocol/nick'>Jules ☀</nick>"))
    # vcard4 (XEP-0292)
    await jul.iq("set", publish(
        "urn:xmpp:vcard4", "current",
        "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'>"
        "<fn><text>Juliet Capulet</text></fn><nickname><text>Jules</text></nickname>"
        "<email><text>juliet@capulet.example</text></email></vcard>"))
    # custom namespace node with two items (max_items raised so both are kept;
    # PEP nodes default to max_items=1)
    custom_opts = [("pubsub#persist_items", "true"), ("pubsub#max_items", "10"),
                   ("pubsub#access_model", "presence")]
    await publish_adaptive(jul,
        "urn:example:balcony:0", "scene-2",
        "<scene xmlns='urn:example:balcony:0' act='2'>"
        "<line>O Romeo, Romeo! wherefore art thou Romeo?</line></scene>", custom_opts)
    await publish_adaptive(jul,
        "urn:example:balcony:0", "scene-5",
        "<scene xmlns='urn:example:balcony:0' act='3'>"
        "<line>Wilt thou be gone? it is not yet near day — ça va</line></scene>", custom_opts)
    r = await jul.iq("get", "<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                            "<items node='urn:xmpp:bookmarks:1'/></pubsub>", to="juliet@" + D)
    log.info("bookmarks: %s", r)
    r = await jul.iq("get", "<query xmlns='http://jabber.org/protocol/disco#items'/>",
                     to="juliet@" + D)
    log.info("pep nodes: %s", r)
    await logout(jul)


MAM_MSGS = [
    # (sender, recipient, id, body)
    ("romeo", "juliet", "mam-1", "But soft! What light through yonder window breaks? ☀"),
    ("juliet", "romeo", "mam-2", "Roméo, Roméo ! pourquoi es-tu Roméo ? 🌹"),
    ("romeo", "juliet", "mam-3", "日本語のメッセージ — こんにちは"),
    ("juliet", "nurse", "mam-4", "Nurse! Anon, good nurse! Zoë Ångström"),
    ("nurse", "juliet", "mam-5", "Anon, anon! — Ünïcödé ✓"),
]


async def phase_mam(a):
    D = a.domain
    cl = {u: await login(a, u) for u in ("juliet", "romeo", "nurse")}
    for frm, to, mid, body in MAM_MSGS:
        m = cl[frm].make_message(mto="%s@%s" % (to, D), mbody=body, mtype="chat")
        m["id"] = mid
        m.send()
        await asyncio.sleep(0.7)
    await asyncio.sleep(1)
    log.info("juliet received %d messages", len(cl["juliet"].got))
    await logout(*cl.values())


async def phase_blocklist(a):
    jul = await login(a, "juliet", present=False)
    await jul.iq("set", "<block xmlns='urn:xmpp:blocking'><item jid='spammer@evil.example'/>"
                        "<item jid='evil.example'/></block>")
    r = await jul.iq("get", "<blocklist xmlns='urn:xmpp:blocking'/>")
    log.info("blocklist: %s", r)
    await logout(jul)


PRIVACY_PUBLIC = (
    "<query xmlns='jabber:iq:privacy'><list name='public'>"
    "<item type='jid' value='tybalt@%(d)s' action='deny' order='1'/>"
    "<item type='group' value='Montague' action='allow' order='2'><message/><presence-in/></item>"
    "<item type='subscription' value='none' action='deny' order='3'><presence-out/></item>"
    "<item type='subscription' value='both' action='allow' order='4'/>"
    "<item action='allow' order='10'/>"
    "</list></query>")
PRIVACY_INVISIBLE = (
    "<query xmlns='jabber:iq:privacy'><list name='invisible'>"
    "<item type='jid' value='romeo@%(d)s' action='allow' order='1'><presence-out/></item>"
    "<item action='deny' order='2'><presence-out/></item>"
    "</list></query>")


async def phase_privacy(a):
    jul = await login(a, "juliet", present=False)
    await jul.iq("set", PRIVACY_PUBLIC % {"d": a.domain})
    await jul.iq("set", PRIVACY_INVISIBLE % {"d": a.domain})
    await jul.iq("set", "<query xmlns='jabber:iq:privacy'><default name='public'/></query>")
    r = await jul.iq("get", "<query xmlns='jabber:iq:privacy'/>")
    log.info("privacy: %s", r)
    await logout(jul)


OFFLINE_MSGS = [
    ("mercutio", "offline-1", "chat", None, "A plague o' both your houses! (offline, ünïcode ☠)"),
    ("romeo", "offline-2", "normal", "Sub: Balcony", "I'll be there at nine — 日本語"),
]


async def phase_offline(a):
    D = a.domain
    cl = {u: await login(a, u) for u in ("mercutio", "romeo")}
    for frm, mid, typ, subject, body in OFFLINE_MSGS:
        m = cl[frm].make_message(mto="juliet@" + D, mbody=body, mtype=typ, msubject=subject)
        m["id"] = mid
        m.send()
        await asyncio.sleep(0.7)
    await asyncio.sleep(1)
    await logout(*cl.values())


PHASES = {"roster": phase_roster, "vcard": phase_vcard, "private": phase_private,
          "pep": phase_pep, "mam": phase_mam, "blocklist": phase_blocklist,
          "privacy": phase_privacy, "offline": phase_offline}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--domain")
    p.add_argument("--port", type=int, default=5222)
    p.add_argument("--phases", default="")
    p.add_argument("--print-avatar-b64", action="store_true")
    p.add_argument("--print-avatar-sha1", action="store_true")
    p.add_argument("-v", action="store_true")
    a = p.parse_args()
    if a.print_avatar_b64:
        print(PNG_B64)
        return
    if a.print_avatar_sha1:
        print(PNG_SHA1)
        return
    logging.basicConfig(level=logging.DEBUG if a.v else logging.INFO,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    for name in ("slixmpp",):
        logging.getLogger(name).setLevel(logging.DEBUG if a.v else logging.WARNING)

    async def run():
        for ph in [x for x in a.phases.split(",") if x]:
            log.info("=== phase %s ===", ph)
            await PHASES[ph](a)

    asyncio.get_event_loop().run_until_complete(run())


if __name__ == "__main__":
    main()
