package org.modernxmpp.portability.pie;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.dom4j.QName;
import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.Affiliation;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.NodeSubscription;
import org.modernxmpp.portability.pie.model.OfflineMessage;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.ScramCredentials;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * Generates users with every data kind from a seed: unicode names, XML special characters, emoji, empty and
 * large values. The same seed always gives the same users, so a failing case can be replayed.
 */
public final class SyntheticExport {
    /**
     * How big the generated users are.
     *
     * @param unicodeJids percentage of contact JIDs with non-ASCII localparts (the rest are plain ASCII)
     */
    public record Shape(int rosterItems, int vCardBytes, int offlineMessages, int pepNodes, int archived, int unicodeJids) {
        /**
         * The benchmark's user: 100 roster items, a 4 KB vCard, 20 offline messages, 5 PEP nodes; one contact
         * in twenty has a non-ASCII address, which is generous for a real server.
         */
        public static final Shape BENCHMARK = new Shape(100, 4096, 20, 5, 0, 5);

        public Shape(int rosterItems, int vCardBytes, int offlineMessages, int pepNodes, int archived) {
            this(rosterItems, vCardBytes, offlineMessages, pepNodes, archived, 100);
        }
    }

    private static final String[] ASCII_LETTERS = {"a", "b", "c", "d", "e", "k", "m", "r", "s", "t", "z", "0", "7", "_", "-", "."};
    private static final String[] LETTERS = {"a", "b", "z", "é", "ö", "ж", "я", "λ", "日", "本", "ß", "ø", "0", "7", "_", "-", "."};
    private static final String[] TEXT = {"a", "Z", " ", "<", ">", "&", "\"", "'", "é", "日本語", "😀", "שלום", "\t", "\n", "Ω", "]]>"};

    private final Random random;
    private final DocumentFactory factory = DocumentFactory.getInstance();
    private final Instant epoch = Instant.parse("2021-06-02T12:00:00Z");

    public SyntheticExport(long seed) {
        this.random = new Random(seed);
    }

    /** A domain name, lower-case and valid. */
    public String domain() {
        return "host" + random.nextInt(1000) + ".example";
    }

    public UserData user(String name, Shape shape) {
        UserData.Builder user = UserData.builder(name);
        if (random.nextInt(4) == 0) {
            user.password(text(1 + random.nextInt(20)).strip() + "pw");
        } else {
            user.scram(scram("SCRAM-SHA-1", 20));
            if (random.nextBoolean()) {
                user.scram(scram("SCRAM-SHA-256", 32));
            }
        }
        if (random.nextBoolean()) {
            user.account(new AccountDetails(random.nextBoolean() ? text(12) : null, random.nextBoolean() ? name + "@mail.example" : null,
                    epoch.minusSeconds(random.nextInt(1_000_000)), random.nextBoolean() ? epoch : null,
                    random.nextBoolean() ? java.util.Map.of() : java.util.Map.of("console.rows", "25", text(4), text(9))));
        }
        Set<String> contacts = new LinkedHashSet<>();
        while (contacts.size() < shape.rosterItems()) {
            String local = random.nextInt(100) < shape.unicodeJids() ? localpart(3 + random.nextInt(8))
                    : asciiLocalpart(4 + random.nextInt(8));
            contacts.add(local + "@" + domain());
        }
        for (String contact : contacts) {
            // the reader's own parser: the generated localparts are prepped already, and Tinder's full stringprep
            // (libidn 1.15, about a millisecond per new address) would make generating 50,000 users take most of an hour
            user.rosterItem(rosterItem(Jids.parse(contact)));
        }
        if (random.nextBoolean()) {
            user.pendingSubscription(request(Jids.parse(localpart(5) + "@" + domain())));
        }
        user.vCard(vCard(shape.vCardBytes()));
        user.privateXml(fragment("storage", "storage:bookmarks"));
        if (random.nextBoolean()) {
            user.privateXml(fragment("exodus", "exodus:prefs"));
        }
        for (int i = 0; i < shape.offlineMessages(); i++) {
            Instant stamp = epoch.plus(i, ChronoUnit.MINUTES).plusNanos(random.nextInt(1_000_000) * 1000L);
            user.offlineMessage(new OfflineMessage(message(name, stamp, true), stamp));
        }
        for (int i = 0; i < shape.pepNodes(); i++) {
            user.pepNode(pepNode("urn:example:node:" + i + ":" + localpart(4), i));
        }
        if (random.nextBoolean()) {
            user.privacy(privacy());
        }
        if (random.nextBoolean()) {
            user.blocked(Jids.parse(localpart(6) + "@" + domain()));
        }
        for (int i = 0; i < shape.archived(); i++) {
            Instant stamp = epoch.plus(i, ChronoUnit.SECONDS);
            user.archived(new ArchivedMessage("a" + i + "-" + random.nextInt(100000), stamp, message(name, stamp, false)));
        }
        if (random.nextInt(3) == 0) {
            Element unknown = factory.createElement(QName.get("settings", "urn:example:unknown:" + random.nextInt(9)));
            unknown.addAttribute("mode", text(5));
            unknown.addElement(QName.get("child", unknown.getNamespaceURI())).setText(text(10));
            user.extension(XmlPayload.of(unknown));
        }
        return user.build();
    }

    /** A valid, already nodeprepped localpart with non-ASCII letters. */
    public String localpart(int length) {
        while (true) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < length; i++) {
                name.append(LETTERS[random.nextInt(LETTERS.length)]);
            }
            try {
                String prepped = Jids.nodeprep(name.toString()); // the full stringprep only where the fast check cannot tell
                if (prepped.equals(name.toString())) {
                    return prepped;
                }
            } catch (IllegalArgumentException e) {
                // try another one
            }
        }
    }

    private String asciiLocalpart(int length) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            name.append(ASCII_LETTERS[random.nextInt(ASCII_LETTERS.length)]);
        }
        return name.toString();
    }

    /** Text with XML specials, emoji, right-to-left script and whitespace; never blank (blank text is layout). */
    public String text(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(TEXT[random.nextInt(TEXT.length)]);
        }
        return text + "x";
    }

    private ScramCredentials scram(String mechanism, int hashLength) {
        return new ScramCredentials(mechanism, 4096 + random.nextInt(100000), bytes(16), bytes(hashLength), bytes(hashLength));
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private RosterItem rosterItem(JID jid) {
        RosterItem.Subscription[] states = RosterItem.Subscription.values();
        List<String> groups = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String group = text(1 + random.nextInt(12));
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        String name = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "";
            default -> text(random.nextInt(30));
        };
        RosterItem.Ask ask = random.nextInt(5) == 0 ? RosterItem.Ask.SUBSCRIBE : null;
        return new RosterItem(jid, name, states[random.nextInt(states.length)], ask, random.nextInt(7) == 0, groups, List.of());
    }

    private SubscriptionRequest request(JID from) {
        Element presence = factory.createElement(QName.get("presence", Namespaces.CLIENT));
        presence.addAttribute("type", "subscribe");
        presence.addAttribute("from", from.toString());
        presence.addElement(QName.get("nick", "http://jabber.org/protocol/nick")).setText(text(8));
        return new SubscriptionRequest(from, XmlPayload.of(presence));
    }

    private XmlPayload vCard(int bytes) {
        Element vCard = factory.createElement(QName.get("vCard", Namespaces.VCARD));
        vCard.addElement(QName.get("FN", Namespaces.VCARD)).setText(text(12));
        vCard.addElement(QName.get("NICKNAME", Namespaces.VCARD)).setText(text(6));
        Element photo = vCard.addElement(QName.get("PHOTO", Namespaces.VCARD));
        photo.addElement(QName.get("TYPE", Namespaces.VCARD)).setText("image/png");
        photo.addElement(QName.get("BINVAL", Namespaces.VCARD))
                .setText(java.util.Base64.getEncoder().encodeToString(bytes(Math.max(1, bytes * 3 / 4))));
        return XmlPayload.of(vCard);
    }

    private XmlPayload fragment(String name, String namespace) {
        Element fragment = factory.createElement(QName.get(name, namespace));
        Element child = fragment.addElement(QName.get("conference", namespace));
        child.addAttribute("jid", localpart(5) + "@conference." + domain());
        child.addAttribute("name", text(10));
        child.addElement(QName.get("nick", namespace)).setText(text(5));
        return XmlPayload.of(fragment);
    }

    private XmlPayload message(String user, Instant stamp, boolean offline) {
        Element message = factory.createElement(QName.get("message", Namespaces.CLIENT));
        message.addAttribute("from", localpart(5) + "@" + domain() + "/" + text(3).replace("\n", "").replace("\t", ""));
        message.addAttribute("to", user + "@example.org");
        message.addAttribute("type", "chat");
        message.addAttribute("id", "m" + random.nextInt(1_000_000));
        message.addElement(QName.get("body", Namespaces.CLIENT)).setText(text(random.nextInt(80)));
        if (offline) {
            Element delay = message.addElement(QName.get("delay", Namespaces.DELAY));
            delay.addAttribute("from", "example.org");
            delay.addAttribute("stamp", stamp.toString());
            delay.setText("Offline Storage");
        }
        return XmlPayload.of(message);
    }

    private PepNode pepNode(String node, int index) {
        Element form = factory.createElement(QName.get("x", Namespaces.DATA_FORMS));
        form.addAttribute("type", "submit");
        addField(form, "FORM_TYPE", "http://jabber.org/protocol/pubsub#node_config");
        addField(form, "pubsub#access_model", index % 2 == 0 ? "presence" : "whitelist");
        addField(form, "pubsub#max_items", "max");
        List<PepItem> items = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            // a namespace per user and node: built without dom4j's shared caches, as the reader builds them
            org.dom4j.Namespace unique = new org.dom4j.Namespace("", node);
            Element payload = factory.createElement(new QName("entry", unique));
            payload.addAttribute("title", text(6));
            payload.add(factory.createElement(new QName("content", unique)));
            payload.element(new QName("content", unique)).setText(text(40));
            items.add(new PepItem("item-" + i + "-" + localpart(4), XmlPayload.of(payload)));
        }
        List<Affiliation> affiliations = random.nextBoolean() ? List.of() : List.of(
                new Affiliation(Jids.parse(localpart(4) + "@" + domain()), "member"));
        List<NodeSubscription> subscriptions = random.nextBoolean() ? List.of() : List.of(
                new NodeSubscription(Jids.parse(localpart(4) + "@" + domain()), "subscribed", random.nextBoolean() ? "s1" : null, null));
        return new PepNode(node, XmlPayload.of(form), affiliations, subscriptions, items);
    }

    private void addField(Element form, String var, String value) {
        Element field = form.addElement(QName.get("field", Namespaces.DATA_FORMS));
        field.addAttribute("var", var);
        field.addElement(QName.get("value", Namespaces.DATA_FORMS)).setText(value);
    }

    private PrivacyLists privacy() {
        var rules = List.of(
                new PrivacyLists.PrivacyRule("jid", localpart(5) + "@" + domain(), false, 1, List.of()),
                new PrivacyLists.PrivacyRule("group", text(5), true, 2, List.of("message", "presence-in")),
                new PrivacyLists.PrivacyRule(null, null, true, 3, List.of()));
        return new PrivacyLists("public", random.nextBoolean() ? "public" : null,
                List.of(new PrivacyLists.PrivacyList("public", rules)));
    }
}
