package org.modernxmpp.portability.remote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.modernxmpp.portability.pie.PieFormatException;
import org.modernxmpp.portability.pie.PieSink;
import org.modernxmpp.portability.pie.ReadNotes;
import org.modernxmpp.portability.pie.UserElementParser;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.remote.PullReport.KindRead;
import org.modernxmpp.portability.remote.PullReport.Status;
import org.modernxmpp.portability.transfer.DataKind;
import org.xmpp.packet.JID;

/**
 * Reads everything a client can read of its own account into one XEP-0227 {@code <user>}: the answers are put together
 * as the file format has them and read by the file reader's own parser, so a pulled account is the same model, with
 * the same checks, as an exported one. The archive goes straight to the sink, page by page.
 */
public final class AccountPull {
    /** What the server holds and no client can read. */
    static final List<String> NOT_READABLE = List.of(
            "the password and its hashes (the new account keeps its own)",
            "offline messages waiting for the account (they are delivered when a client next goes online there)",
            "subscription requests not yet answered (the server shows them only to a client that goes online)");

    private final RemoteSession session;
    private final PullOptions options;
    private final PullProgress progress;

    public AccountPull(RemoteSession session, PullOptions options, PullProgress progress) {
        this.session = session;
        this.options = options;
        this.progress = progress;
    }

    /** Reads the account and writes it to {@code sink} as one user of its domain; the sink is not finished. */
    public PullReport pullTo(PieSink sink) throws RemoteException, IOException {
        AccountSnapshot snapshot = read();
        List<KindRead> kinds = new ArrayList<>(snapshot.kinds());
        ArchiveRead archive = null;
        if (options.archive()) {
            progress.reading(DataKind.ARCHIVE);
            archive = new ArchiveRead(session, options, progress);
        }
        JID account = session.account();
        sink.writeUser(new JID(account.getDomain()), snapshot.data(), archive);
        kinds.add(archive == null ? new KindRead(DataKind.ARCHIVE, Status.SKIPPED, 0, null) : archive.result());
        return new PullReport(account.toBareJID(), session.server(), kinds, NOT_READABLE, snapshot.notes());
    }

    /** Everything but the archive, held in memory: what one account keeps outside its archive is small. */
    public AccountSnapshot read() throws RemoteException {
        JID account = session.account();
        Element user = DocumentHelper.createElement(QName.get("user", Namespaces.PIE)).addAttribute("name", account.getNode());
        List<KindRead> kinds = new ArrayList<>();
        progress.reading(DataKind.ROSTER);
        kinds.add(roster(user));
        progress.reading(DataKind.VCARD);
        kinds.add(vCard(user));
        progress.reading(DataKind.PRIVATE_XML);
        kinds.add(privateXml(user));
        progress.reading(DataKind.PRIVACY);
        kinds.add(privacy(user));
        progress.reading(DataKind.BLOCKLIST);
        kinds.add(blocklist(user));
        progress.reading(DataKind.PEP);
        kinds.add(new PepRead(session).readInto(user));
        ReadNotes notes = new ReadNotes();
        try {
            UserData data = new UserElementParser().parse(user, account.getDomain(), account.toBareJID() + " as read from "
                    + session.server(), notes);
            return new AccountSnapshot(data, kinds, notes);
        } catch (PieFormatException e) {
            throw new RemoteException(RemoteProblem.PROTOCOL, "What " + session.server() + " sent for " + account.toBareJID()
                    + " cannot be kept: " + e.getMessage(), e);
        }
    }

    private KindRead roster(Element user) throws RemoteException {
        Element query;
        try {
            query = session.get(null, "query", Namespaces.ROSTER, null);
        } catch (RemoteRefusal refusal) {
            return refused(DataKind.ROSTER, refusal);
        }
        if (query == null) {
            return new KindRead(DataKind.ROSTER, Status.READ, 0, null);
        }
        int items = query.elements().size();
        if (items > session.limits().maxRosterItems()) {
            throw new RemoteException(RemoteProblem.TOO_MUCH_DATA, session.server() + " sent a roster of " + items
                    + " contacts for " + session.account().toBareJID() + ", more than the " + session.limits().maxRosterItems()
                    + " this reads");
        }
        // roster versioning belongs to the source server's store, not to the contacts
        query.addAttribute("ver", null);
        user.add(query);
        return new KindRead(DataKind.ROSTER, Status.READ, items, null);
    }

    private KindRead vCard(Element user) throws RemoteException {
        Element vCard;
        try {
            vCard = session.get(null, "vCard", Namespaces.VCARD, null);
        } catch (RemoteRefusal refusal) {
            if (refusal.condition().equals("item-not-found")) {
                return new KindRead(DataKind.VCARD, Status.READ, 0, "none set");
            }
            return refused(DataKind.VCARD, refusal);
        }
        if (vCard == null || vCard.elements().isEmpty()) {
            return new KindRead(DataKind.VCARD, Status.READ, 0, "none set");
        }
        user.add(vCard);
        return new KindRead(DataKind.VCARD, Status.READ, 1, vCard.element("PHOTO") != null ? "with photo" : null);
    }

    private KindRead privateXml(Element user) throws RemoteException {
        Element stored = DocumentHelper.createElement(QName.get("query", Namespaces.PRIVATE));
        List<String> found = new ArrayList<>();
        for (PrivateXmlKeys.Key key : options.privateXml()) {
            Element query;
            try {
                query = session.get(null, "query", Namespaces.PRIVATE,
                        DocumentHelper.createElement(QName.get(key.name(), key.namespace())).asXML());
            } catch (RemoteRefusal refusal) {
                if (refusal.condition().equals("item-not-found")) {
                    continue;
                }
                return refused(DataKind.PRIVATE_XML, refusal);
            }
            Element fragment = query == null ? null : query.element(QName.get(key.name(), key.namespace()));
            if (fragment != null && (!fragment.elements().isEmpty() || !fragment.getTextTrim().isEmpty()
                    || fragment.attributeCount() > 0)) {
                fragment.detach();
                stored.add(fragment);
                found.add(key.namespace());
            }
        }
        if (!found.isEmpty()) {
            user.add(stored);
        }
        return new KindRead(DataKind.PRIVATE_XML, Status.READ, found.size(), "asked for " + options.privateXml().size()
                + " known namespaces (XEP-0049 cannot list the others)" + (found.isEmpty() ? "" : "; found " + String.join(", ", found)));
    }

    private KindRead privacy(Element user) throws RemoteException {
        Element names;
        try {
            names = session.get(null, "query", Namespaces.PRIVACY, null);
        } catch (RemoteRefusal refusal) {
            return refused(DataKind.PRIVACY, refusal);
        }
        Element lists = DocumentHelper.createElement(QName.get("query", Namespaces.PRIVACY));
        Element defaultList = names == null ? null : names.element(QName.get("default", Namespaces.PRIVACY));
        int count = 0;
        for (Element named : names == null ? List.<Element>of() : names.elements(QName.get("list", Namespaces.PRIVACY))) {
            String name = named.attributeValue("name");
            if (name == null) {
                continue;
            }
            Element one;
            try {
                one = session.get(null, "query", Namespaces.PRIVACY,
                        DocumentHelper.createElement("list").addAttribute("name", name).asXML());
            } catch (RemoteRefusal refusal) {
                return refused(DataKind.PRIVACY, refusal);
            }
            Element list = one == null ? null : one.element(QName.get("list", Namespaces.PRIVACY));
            if (list != null) {
                list.detach();
                lists.add(list);
                count++;
            }
        }
        if (count == 0) {
            return new KindRead(DataKind.PRIVACY, Status.READ, 0, null);
        }
        if (defaultList != null && defaultList.attributeValue("name") != null) {
            defaultList.detach();
            lists.elements().add(0, defaultList);
        }
        user.add(lists);
        return new KindRead(DataKind.PRIVACY, Status.READ, count, defaultList == null ? null
                : "default: " + defaultList.attributeValue("name"));
    }

    private KindRead blocklist(Element user) throws RemoteException {
        Element blocklist;
        try {
            blocklist = session.get(null, "blocklist", Namespaces.BLOCKING, null);
        } catch (RemoteRefusal refusal) {
            return refused(DataKind.BLOCKLIST, refusal);
        }
        int items = blocklist == null ? 0 : blocklist.elements().size();
        if (items > 0) {
            user.add(blocklist);
        }
        return new KindRead(DataKind.BLOCKLIST, Status.READ, items, null);
    }

    private static KindRead refused(DataKind kind, RemoteRefusal refusal) {
        return new KindRead(kind, refusal.meansAbsent() ? Status.NOT_OFFERED : Status.REFUSED, 0, refusal.getMessage());
    }
}
