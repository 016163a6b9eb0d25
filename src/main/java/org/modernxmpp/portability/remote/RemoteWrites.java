package org.modernxmpp.portability.remote;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.UserXml;
import org.modernxmpp.portability.pie.model.Affiliation;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * Writes data into the account of a session as that account's own client would, one IQ set per change. A refusal
 * becomes an {@link AccountException} with the server's reason; what the server took only in part is said in
 * {@link #notes()}. Nothing is ever published with a wider audience than it had.
 */
final class RemoteWrites {
    /** Access models no wider than a server's PEP default (presence): a node may fall back to the default. */
    private static final Set<String> NO_WIDER_THAN_DEFAULT = Set.of("presence", "open");
    private static final String ACCESS_MODEL = "pubsub#access_model";
    private static final String MAX_ITEMS = "pubsub#max_items";
    /** ejabberd's default cap on a node's items: room to grow for a node that had "max". */
    private static final int GENEROUS_MAX_ITEMS = 1000;

    private final RemoteSession session;
    private final String bare;
    private final UserXml xml = new UserXml();
    private final List<String> notes = new ArrayList<>();

    RemoteWrites(RemoteSession session) {
        this.session = session;
        this.bare = session.account().toBareJID();
    }

    /** What the server did not take as it was given, in plain words. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Name and groups; the subscription is the contact's to give, so it is not sent. */
    void putRosterItem(RosterItem item) throws AccountException {
        RosterItem plain = new RosterItem(item.jid(), item.name(), RosterItem.Subscription.NONE, item.groups());
        Element written = part(UserData.builder(session.account().getNode()).rosterItem(plain).build(), "query", Namespaces.ROSTER)
                .element(QName.get("item", Namespaces.ROSTER));
        written.addAttribute("subscription", null);
        set("add " + item.jid().toBareJID() + " to the roster", "query", Namespaces.ROSTER, written.asXML());
    }

    void removeRosterItem(JID contact) throws AccountException {
        Element item = DocumentHelper.createElement("item").addAttribute("jid", contact.toBareJID()).addAttribute("subscription", "remove");
        set("remove " + contact.toBareJID() + " from the roster", "query", Namespaces.ROSTER, item.asXML());
    }

    void putVCard(XmlPayload vCard) throws AccountException {
        set("store the profile", "vCard", Namespaces.VCARD, inner(vCard.element()));
    }

    /** vcard-temp has no delete: an empty vCard is how a client clears it. */
    void clearVCard() throws AccountException {
        set("clear the profile", "vCard", Namespaces.VCARD, null);
    }

    void putPrivateXml(XmlPayload fragment) throws AccountException {
        set("store private XML {" + fragment.namespace() + "}" + fragment.name(), "query", Namespaces.PRIVATE,
                fragment.element().asXML());
    }

    /** Each list, then the default; a list of the same name is replaced by the server. */
    void putPrivacyLists(PrivacyLists lists) throws AccountException {
        Element query = part(UserData.builder(session.account().getNode()).privacy(new PrivacyLists(null, null, lists.lists())).build(),
                "query", Namespaces.PRIVACY);
        for (Element list : query.elements(QName.get("list", Namespaces.PRIVACY))) {
            set("store privacy list '" + list.attributeValue("name") + "'", "query", Namespaces.PRIVACY, list.asXML());
        }
        if (lists.defaultList() != null) {
            set("make '" + lists.defaultList() + "' the default privacy list", "query", Namespaces.PRIVACY,
                    DocumentHelper.createElement("default").addAttribute("name", lists.defaultList()).asXML());
        }
    }

    void block(JID jid) throws AccountException {
        set("block " + jid, "block", Namespaces.BLOCKING,
                DocumentHelper.createElement("item").addAttribute("jid", jid.toString()).asXML());
    }

    /**
     * Creates the node with its configuration, or configures it where it exists; then the affiliations of others. A
     * server that refuses some configuration fields gets those it knows (its own form says which); one that refuses
     * even the access model keeps its default only where that is no wider than the node's own.
     */
    void putNode(PepNode node) throws AccountException {
        Element form = node.configuration() == null ? null : withValues(node.configuration().copy());
        StringBuilder request = new StringBuilder(element("create", node.node()).asXML());
        if (form != null) {
            Element configure = DocumentHelper.createElement("configure");
            configure.add(form.createCopy());
            request.append(configure.asXML());
        }
        boolean created = true;
        boolean configured = true;
        try {
            session.set(bare, "pubsub", Namespaces.PUBSUB, request.toString());
        } catch (RemoteRefusal refusal) {
            created = !refusal.condition().equals("conflict");
            if (created && form == null) {
                throw refused("create PEP node " + node.node(), refusal);
            }
            if (created) {
                createPlain(node.node());
            }
            configured = form == null;
        } catch (RemoteException e) {
            throw lost("create PEP node " + node.node(), e);
        }
        try {
            if (!configured) {
                configure(node.node(), form, node.items().size());
            }
            checkAccess(node.node(), form);
        } catch (AccountException e) {
            undo(node.node(), created);
            throw e;
        }
        affiliations(node);
    }

    /** An empty node with the server's defaults is not what the person had: a node this push made goes again. */
    private void undo(String node, boolean created) {
        if (created) {
            try {
                deleteNode(node);
            } catch (AccountException e) {
                notes.add("PEP node " + node + ": left empty on " + session.server() + " (" + e.getMessage() + ")");
            }
        }
    }

    private void createPlain(String node) throws AccountException {
        try {
            session.set(bare, "pubsub", Namespaces.PUBSUB, element("create", node).asXML());
        } catch (RemoteRefusal refusal) {
            if (!refusal.condition().equals("conflict")) {
                throw refused("create PEP node " + node, refusal);
            }
        } catch (RemoteException e) {
            throw lost("create PEP node " + node, e);
        }
    }

    /**
     * The whole form first; where the server refuses it, field by field (access model first: it decides who sees the
     * node), so one field it does not know or one value it does not take costs only that field. XEP-0060's "max"
     * items, which some servers refuse, becomes a number no smaller than the node's items.
     */
    private void configure(String node, Element form, int items) throws AccountException {
        RemoteRefusal whole = ownerSet(node, form);
        if (whole == null) {
            return;
        }
        Set<String> known = knownFields(node);
        Element taken = only(form, Set.of());
        List<String> notTaken = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<Element> fields = new ArrayList<>(form.elements(QName.get("field", Namespaces.DATA_FORMS)));
        fields.removeIf(f -> "FORM_TYPE".equals(f.attributeValue("var")));
        fields.sort((x, y) -> Boolean.compare(!ACCESS_MODEL.equals(x.attributeValue("var")), !ACCESS_MODEL.equals(y.attributeValue("var"))));
        for (Element field : fields) {
            String var = field.attributeValue("var");
            Element accepted = null;
            if (known.isEmpty() || known.contains(var)) {
                for (Element candidate : candidates(field, items)) {
                    Element trial = taken.createCopy();
                    trial.add(candidate.createCopy());
                    if (ownerSet(node, trial) == null) {
                        taken = trial;
                        accepted = candidate;
                        break;
                    }
                }
            }
            if (accepted == null) {
                notTaken.add(var);
            } else if (accepted != field) {
                changed.add(var + " " + value(form, var) + " became " + accepted.elementText(QName.get("value", Namespaces.DATA_FORMS)));
            }
        }
        String access = value(form, ACCESS_MODEL);
        if (access != null && notTaken.contains(ACCESS_MODEL) && !NO_WIDER_THAN_DEFAULT.contains(access)) {
            throw new AccountException("configure PEP node " + node + ": " + session.server() + " refused its access model '" + access
                    + "', and its items would be seen by more people than before (" + whole.getMessage() + ")");
        }
        if (!notTaken.isEmpty() || !changed.isEmpty()) {
            notes.add("PEP node " + node + ": " + session.server() + " did not take its whole configuration (" + whole.getMessage() + ")"
                    + (notTaken.isEmpty() ? "" : "; not set: " + String.join(", ", notTaken))
                    + (changed.isEmpty() ? "" : "; " + String.join(", ", changed)));
        }
    }

    /** The field as it is, then for a non-numeric max_items ("max") numbers that still keep every item. */
    private static List<Element> candidates(Element field, int items) {
        List<Element> candidates = new ArrayList<>(List.of(field));
        String value = field.elementTextTrim(QName.get("value", Namespaces.DATA_FORMS));
        if (MAX_ITEMS.equals(field.attributeValue("var")) && value != null && !value.chars().allMatch(Character::isDigit)) {
            for (int number : new LinkedHashSet<>(List.of(Math.max(items, GENEROUS_MAX_ITEMS), Math.max(items, 1)))) {
                Element copy = field.createCopy();
                new ArrayList<>(copy.elements()).forEach(copy::remove);
                copy.addElement(QName.get("value", Namespaces.DATA_FORMS)).setText(Integer.toString(number));
                candidates.add(copy);
            }
        }
        return candidates;
    }

    /** Null when the server took this configuration, else its refusal; a broken connection is an error. */
    private RemoteRefusal ownerSet(String node, Element form) throws AccountException {
        Element configure = element("configure", node);
        configure.add(form.createCopy());
        try {
            session.set(bare, "pubsub", Namespaces.PUBSUB_OWNER, configure.asXML());
            return null;
        } catch (RemoteRefusal refusal) {
            return refusal;
        } catch (RemoteException e) {
            throw lost("configure PEP node " + node, e);
        }
    }

    /** The server's own configuration form for the node, or null when it shows none. */
    private Element serverForm(String node) throws AccountException {
        try {
            Element pubsub = session.get(bare, "pubsub", Namespaces.PUBSUB_OWNER, element("configure", node).asXML());
            Element configure = pubsub == null ? null : pubsub.element(QName.get("configure", Namespaces.PUBSUB_OWNER));
            return configure == null ? null : configure.element(QName.get("x", Namespaces.DATA_FORMS));
        } catch (RemoteRefusal refusal) {
            return null;
        } catch (RemoteException e) {
            throw lost("read the configuration of PEP node " + node, e);
        }
    }

    private Set<String> knownFields(String node) throws AccountException {
        Element form = serverForm(node);
        Set<String> vars = new LinkedHashSet<>();
        for (Element field : form == null ? List.<Element>of() : form.elements(QName.get("field", Namespaces.DATA_FORMS))) {
            if (field.attributeValue("var") != null) {
                vars.add(field.attributeValue("var"));
            }
        }
        return vars;
    }

    /**
     * A server may take a configuration and apply less of it: where the node's access model is narrower than the
     * default, what the server now shows must be it, or nothing is published there.
     */
    private void checkAccess(String node, Element wanted) throws AccountException {
        String access = wanted == null ? null : value(wanted, ACCESS_MODEL);
        if (access == null || NO_WIDER_THAN_DEFAULT.contains(access)) {
            return;
        }
        Element shown = serverForm(node);
        String now = shown == null ? null : value(shown, ACCESS_MODEL);
        if (now != null && !now.equals(access)) {
            throw new AccountException("configure PEP node " + node + ": " + session.server() + " shows its access model as '"
                    + now + "', not '" + access + "'; nothing is published there, so nobody sees more than before");
        }
    }

    /** The form without its empty fields: they set nothing, and a server may call "no value" a bad one. */
    private static Element withValues(Element form) {
        for (Element field : new ArrayList<>(form.elements(QName.get("field", Namespaces.DATA_FORMS)))) {
            if (field.elements(QName.get("value", Namespaces.DATA_FORMS)).isEmpty()) {
                form.remove(field);
            }
        }
        return form;
    }

    /** The form with FORM_TYPE and only the fields named. */
    private static Element only(Element form, Set<String> vars) {
        Element copy = form.createCopy();
        for (Element field : new ArrayList<>(copy.elements(QName.get("field", Namespaces.DATA_FORMS)))) {
            String var = field.attributeValue("var");
            if (!"FORM_TYPE".equals(var) && !vars.contains(var)) {
                copy.remove(field);
            }
        }
        return copy;
    }

    private static String value(Element form, String var) {
        for (Element field : form.elements(QName.get("field", Namespaces.DATA_FORMS))) {
            if (var.equals(field.attributeValue("var"))) {
                return field.elementTextTrim(QName.get("value", Namespaces.DATA_FORMS));
            }
        }
        return null;
    }

    /**
     * Affiliations the owner gives others (members of a whitelist node, publishers). One the server refuses only
     * narrows who sees the node, so it is noted, not fatal. Subscriptions are each subscriber's to make.
     */
    private void affiliations(PepNode node) throws AccountException {
        Element affiliations = element("affiliations", node.node());
        for (Affiliation affiliation : node.affiliations()) {
            if (!affiliation.jid().toBareJID().equals(bare)) {
                affiliations.addElement("affiliation").addAttribute("jid", affiliation.jid().toBareJID())
                        .addAttribute("affiliation", affiliation.affiliation());
            }
        }
        if (!affiliations.elements().isEmpty()) {
            try {
                session.set(bare, "pubsub", Namespaces.PUBSUB_OWNER, affiliations.asXML());
            } catch (RemoteRefusal refusal) {
                notes.add("PEP node " + node.node() + ": " + session.server() + " refused the affiliations of "
                        + affiliations.elements().size() + " others (" + refusal.getMessage() + "); they may not see it");
            } catch (RemoteException e) {
                throw lost("set the affiliations of PEP node " + node.node(), e);
            }
        }
        if (!node.subscriptions().isEmpty()) {
            notes.add("PEP node " + node.node() + ": " + node.subscriptions().size()
                    + " subscriptions not copied; each subscriber subscribes again, as their client does on its own");
        }
    }

    void publish(String node, PepItem item) throws AccountException {
        Element publish = element("publish", node);
        Element written = publish.addElement("item").addAttribute("id", item.id());
        if (item.payload() != null) {
            written.add(item.payload().copy());
        }
        set("publish item " + item.id() + " on PEP node " + node, bare, "pubsub", Namespaces.PUBSUB, publish.asXML());
    }

    void deleteNode(String node) throws AccountException {
        try {
            session.set(bare, "pubsub", Namespaces.PUBSUB_OWNER, element("delete", node).asXML());
        } catch (RemoteRefusal refusal) {
            if (!refusal.condition().equals("item-not-found")) {
                throw refused("delete PEP node " + node, refusal);
            }
        } catch (RemoteException e) {
            throw lost("delete PEP node " + node, e);
        }
    }

    private void set(String what, String element, String namespace, String inner) throws AccountException {
        set(what, null, element, namespace, inner);
    }

    private void set(String what, String to, String element, String namespace, String inner) throws AccountException {
        try {
            session.set(to, element, namespace, inner);
        } catch (RemoteRefusal refusal) {
            throw refused(what, refusal);
        } catch (RemoteException e) {
            throw lost(what, e);
        }
    }

    private AccountException refused(String what, RemoteRefusal refusal) {
        return new AccountException(session.server() + " refused to " + what + ": " + refusal.getMessage(), refusal);
    }

    private static AccountException lost(String what, RemoteException e) {
        return new AccountException("could not " + what + ": " + e.getMessage(), e);
    }

    /** The child of the user's element, as the file writer writes it. */
    private Element part(UserData data, String name, String namespace) {
        return xml.of(data).element(QName.get(name, namespace));
    }

    /** The children of an element as text, to go inside the request's own element. */
    private static String inner(Element element) {
        StringBuilder text = new StringBuilder();
        element.elements().forEach(child -> text.append(child.asXML()));
        return text.toString();
    }

    /** An element without a namespace, which takes the request's own when it goes inside it. */
    private static Element element(String name, String node) {
        return DocumentHelper.createElement(name).addAttribute("node", node);
    }
}
