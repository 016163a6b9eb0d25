package org.modernxmpp.portability.moved;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.xmpp.packet.JID;

/** A new account telling its contacts that it replaces {@code oldJid}: the contacts, in order, and what was sent. */
public record NoticeRun(String username, JID oldJid, Instant started, List<Notice> notices) {
    public NoticeRun {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(oldJid, "oldJid");
        Objects.requireNonNull(started, "started");
        notices = List.copyOf(notices);
    }

    public Optional<Notice> next() {
        return notices.stream().filter(n -> !n.sent()).findFirst();
    }

    public long sent() {
        return notices.stream().filter(Notice::sent).count();
    }

    public boolean finished() {
        return next().isEmpty();
    }

    NoticeRun with(Notice changed) {
        List<Notice> all = new ArrayList<>(notices);
        all.replaceAll(n -> n.contact().equals(changed.contact()) ? changed : n);
        return new NoticeRun(username, oldJid, started, all);
    }

    Optional<Notice> of(JID contact) {
        return notices.stream().filter(n -> n.contact().equals(contact)).findFirst();
    }
}
