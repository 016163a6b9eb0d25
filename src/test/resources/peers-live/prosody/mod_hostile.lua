-- A Prosody module of the tests' own: some accounts' server turns hostile after login (HostileAccountTest).
--   looper:  every archive query gets the same one-message page again, never complete
--   endless: every archive query gets a page of new messages, never complete
--   staller: a vCard request is never answered
-- Other accounts are served as usual. Hooks run before mod_mam's and mod_vcard's (priority 10).
local st = require "util.stanza";

local pages = 0;

local function page(origin, stanza, ids)
	local query = stanza.tags[1];
	local account = origin.username .. "@" .. origin.host;
	for _, id in ipairs(ids) do
		origin.send(st.message({ to = origin.full_jid })
			:tag("result", { xmlns = "urn:xmpp:mam:2", queryid = query.attr.queryid, id = id })
			:tag("forwarded", { xmlns = "urn:xmpp:forward:0" })
			:tag("delay", { xmlns = "urn:xmpp:delay", stamp = "2026-01-01T00:00:00Z" }):up()
			:tag("message", { xmlns = "jabber:client", type = "chat", from = "ben@" .. origin.host, to = account, id = "m-" .. id })
			:tag("body"):text("message " .. id));
	end
	origin.send(st.reply(stanza):tag("fin", { xmlns = "urn:xmpp:mam:2" })
		:tag("set", { xmlns = "http://jabber.org/protocol/rsm" })
		:tag("first"):text(ids[1]):up()
		:tag("last"):text(ids[#ids]));
	return true;
end

module:hook("iq-set/self/urn:xmpp:mam:2:query", function(event)
	local origin, stanza = event.origin, event.stanza;
	if origin.username == "looper" then
		return page(origin, stanza, { "same" });
	elseif origin.username == "endless" then
		local ids = {};
		for i = 1, 50 do
			pages = pages + 1;
			ids[i] = "n" .. pages;
		end
		return page(origin, stanza, ids);
	end
end, 10);

local function swallow(event)
	if event.origin.username == "staller" and event.stanza.attr.type == "get" then
		return true; -- swallowed: no answer ever comes
	end
end
-- whichever way Prosody routes the request (to the account itself or with no address)
for _, event in ipairs({ "iq/self/vcard-temp:vCard", "iq/bare/vcard-temp:vCard", "iq-get/self/vcard-temp:vCard", "iq-get/bare/vcard-temp:vCard" }) do
	module:hook(event, swallow, 10);
end
