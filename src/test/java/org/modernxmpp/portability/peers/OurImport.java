package org.modernxmpp.portability.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.modernxmpp.portability.transfer.ImportJob;
import org.modernxmpp.portability.transfer.ImportOptions;
import org.modernxmpp.portability.transfer.TransferProgress;
import org.modernxmpp.portability.transfer.TransferReport;

/**
 * A peer's export as our side sees it: read with {@link PieReader}, and imported with {@link ImportJob} (merge every
 * kind) into an {@link InMemoryServer} of the peer's domain. Also turns the model into the forms the tests compare.
 */
record OurImport(Map<String, UserData> read, InMemoryServer server, TransferReport report) {

    static OurImport of(Path export, String domain) throws IOException {
        Map<String, UserData> read = new TreeMap<>();
        try (PieReader reader = PieReader.open(export, ReadLimits.DEFAULT)) {
            for (Optional<PieEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
                if (entry.get() instanceof PieEntry.HostUser user) {
                    read.put(user.user().name(), user.user());
                }
            }
        }
        InMemoryServer server = new InMemoryServer(domain);
        TransferReport report;
        try (PieReader reader = PieReader.open(export, ReadLimits.DEFAULT)) {
            report = new ImportJob(server.ports(), ImportOptions.mergeAll(), new TransferProgress()).run(reader);
        }
        return new OurImport(read, server, report);
    }

    UserData imported(String user) {
        return server.snapshot(user);
    }

    /** The roster as the fill describes it: sorted by JID, groups sorted. */
    static List<PeerFill.Contact> contacts(List<RosterItem> roster) {
        List<PeerFill.Contact> contacts = new ArrayList<>();
        for (RosterItem item : roster) {
            contacts.add(new PeerFill.Contact(item.jid().toBareJID(), item.name(), item.subscription().name().toLowerCase(Locale.ROOT),
                    item.ask() == RosterItem.Ask.SUBSCRIBE, item.groups().stream().sorted().toList()));
        }
        contacts.sort(Comparator.comparing(PeerFill.Contact::jid));
        return contacts;
    }

    static List<PeerFill.Contact> sorted(List<PeerFill.Contact> contacts) {
        List<PeerFill.Contact> copy = new ArrayList<>(contacts);
        copy.sort(Comparator.comparing(PeerFill.Contact::jid));
        return copy;
    }

    static List<String> requesters(List<SubscriptionRequest> pending) {
        return pending.stream().map(r -> r.from().toBareJID()).sorted().toList();
    }

    /** PEP as node -> item id -> payload, nodes and ids sorted. */
    static Map<String, Map<String, XmlPayload>> pep(List<PepNode> nodes) {
        Map<String, Map<String, XmlPayload>> pep = new TreeMap<>();
        for (PepNode node : nodes) {
            Map<String, XmlPayload> items = new TreeMap<>();
            for (PepItem item : node.items()) {
                items.put(item.id(), item.payload());
            }
            pep.put(node.node(), items);
        }
        return pep;
    }

    /** The fill's PEP (XML text) in the same form. */
    static Map<String, Map<String, XmlPayload>> payloads(Map<String, Map<String, String>> pep) {
        Map<String, Map<String, XmlPayload>> payloads = new TreeMap<>();
        pep.forEach((node, items) -> {
            Map<String, XmlPayload> parsed = new TreeMap<>();
            items.forEach((id, xml) -> parsed.put(id, Xml.payload(xml)));
            payloads.put(node, parsed);
        });
        return payloads;
    }

    /** Fragments by {namespace}name. */
    static Map<String, XmlPayload> fragments(List<XmlPayload> fragments) {
        Map<String, XmlPayload> byName = new LinkedHashMap<>();
        fragments.forEach(f -> byName.put("{" + f.namespace() + "}" + f.name(), f));
        return new TreeMap<>(byName);
    }
}
