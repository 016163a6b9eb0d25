package org.modernxmpp.portability.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.modernxmpp.portability.moved.MoveAnnouncement;
import org.modernxmpp.portability.moved.Moves;
import org.modernxmpp.portability.remote.PullReport;
import org.modernxmpp.portability.remote.RemoteConnector;
import org.modernxmpp.portability.remote.RemoteException;
import org.modernxmpp.portability.remote.RemoteLogin;
import org.modernxmpp.portability.remote.RemoteProblem;
import org.modernxmpp.portability.remote.RemoteSession;
import org.modernxmpp.portability.remote.RemoteStatement;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.KindPolicy;
import org.modernxmpp.portability.transfer.TransferReport;
import org.modernxmpp.portability.transfer.UserOutcome;
import org.xmpp.packet.JID;

/**
 * "Move from my old account", signed in as the new one: the old address and password -> this server logs in there as
 * the user's client and reads everything while the page shows how far it got (the file can be downloaded) -> the
 * preview in plain words, with a choice per kind -> the import -> "Tell my contacts": the old account publishes its
 * XEP-0283 statement over the same connection, and the contacts are asked from this account. The old password goes
 * into that one connection and nowhere else.
 */
final class MoveInServlet extends SelfServicePage {
    /** What a pull can bring that this page imports: the account itself and the archive stay out, and a client reads no offline messages. */
    static final Set<DataKind> IMPORTED = EnumSet.of(DataKind.ROSTER, DataKind.VCARD, DataKind.PRIVATE_XML, DataKind.PEP,
            DataKind.PRIVACY, DataKind.BLOCKLIST);

    MoveInServlet(SelfService site) {
        super(site);
    }

    /** {@code ?flow=ID}: the move's page as it stands; {@code &file} downloads what was read. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = account(request);
        MoveIn move = account == null ? null : current(request, account, request.getParameter("flow"));
        if (move == null) {
            page(request, response, HttpServletResponse.SC_NOT_FOUND, error(text(request, "movein.expired")));
            return;
        }
        if (request.getParameter("file") != null) {
            download(request, response, move);
            return;
        }
        switch (move.stage()) {
            case READING -> page(request, response, HttpServletResponse.SC_OK, reading(request, move), 2);
            case FAILED -> {
                request.getSession().removeAttribute(MoveIn.ATTRIBUTE);
                page(request, response, HttpServletResponse.SC_OK, home(request, account, error(text(request, "movein.failed", move.failure()))));
            }
            case READY -> page(request, response, HttpServletResponse.SC_OK, move.imported() ? tellForm(request, move) : preview(request, move));
        }
    }

    private static void download(HttpServletRequest request, HttpServletResponse response, MoveIn move) throws IOException {
        if (move.stage() != MoveIn.Stage.READY || !Files.exists(move.pending.file)) {
            page(request, response, HttpServletResponse.SC_NOT_FOUND, error(text(request, "movein.expired")));
            return;
        }
        secureHeaders(response);
        response.setContentType("application/xml");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + move.pending.fileName + "\"");
        response.setContentLengthLong(Files.size(move.pending.file));
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(move.pending.file, out);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = signedInWithToken(request, response, request.getParameter("csrf"));
        if (account == null) {
            return;
        }
        if (!site.context().settings().moveInEnabled()) {
            page(request, response, HttpServletResponse.SC_FORBIDDEN, home(request, account, error(text(request, "movein.off"))));
            return;
        }
        String step = request.getParameter("step") == null ? "connect" : request.getParameter("step");
        switch (step) {
            case "confirm" -> confirm(request, response, account);
            case "tell" -> tell(request, response, account);
            case "cancel", "finish" -> {
                // either way the connection to the old account closes and frees this account's place for another move
                request.getSession().removeAttribute(MoveIn.ATTRIBUTE);
                page(request, response, HttpServletResponse.SC_OK, home(request, account, "<p role=\"status\">"
                        + Html.escape(text(request, step.equals("finish") ? "movein.finished" : "movein.cancelled")) + "</p>"));
            }
            default -> connect(request, response, account);
        }
    }

    /** Logs in to the old account, starts reading it, and sends the browser to the page that follows the reading. */
    private void connect(HttpServletRequest request, HttpServletResponse response, String account) throws IOException {
        JID old;
        try {
            old = accountAddress(request.getParameter("address"), account + "@" + site.domain());
        } catch (IllegalArgumentException e) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, home(request, account, error(text(request, "move.invalid", e.getMessage()))));
            return;
        }
        String password = request.getParameter("password");
        if (password == null || password.isEmpty()) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, home(request, account, error(text(request, "movein.nopassword"))));
            return;
        }
        // the old server's own sign-in limits stand behind these, but this server must not be the tool that guesses
        String guessKey = "remote:" + old.toBareJID();
        if (site.throttle().waitBefore(request.getRemoteAddr(), guessKey).compareTo(Duration.ZERO) > 0) {
            page(request, response, 429, home(request, account, error(text(request, "movein.held"))));
            return;
        }
        HttpSession httpSession = request.getSession();
        httpSession.removeAttribute(MoveIn.ATTRIBUTE); // an earlier move of this session gives up its connection and place
        TransferSlots.Slot slot;
        try {
            slot = site.slots().take(account, request.getRemoteAddr(), TransferSlots.Direction.IN, old);
        } catch (TransferSlots.NoSlot busy) {
            page(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, home(request, account, error(busy(request, busy))));
            return;
        }
        RemoteSession remote;
        try {
            remote = connector().connect(new RemoteLogin(old, password));
        } catch (RemoteException e) {
            slot.close();
            if (e.problem() == RemoteProblem.WRONG_PASSWORD) {
                site.throttle().failed(request.getRemoteAddr(), guessKey);
            }
            page(request, response, HttpServletResponse.SC_BAD_GATEWAY, home(request, account, error(text(request, "movein.failed", e.getMessage()))));
            return;
        }
        site.throttle().succeeded(guessKey);
        MoveIn move;
        try {
            Path folder = Files.createDirectories(site.context().workDirectory().get().resolve("uploads"));
            Path file = folder.resolve("pulled-" + UUID.randomUUID() + ".xml");
            PendingImport pending = new PendingImport(account, file, old.toBareJID().replaceAll("[^A-Za-z0-9@._-]", "_") + ".xml",
                    MyImportServlet.options(account, Set.copyOf(IMPORTED.stream().map(MyImportServlet::formValue).toList()), KindPolicy.MERGE),
                    Instant.now().plus(MoveIn.HELD));
            move = new MoveIn(account, old, pending, remote, slot);
        } catch (IOException | RuntimeException e) {
            remote.close();
            slot.close();
            throw e;
        }
        httpSession.setAttribute(MoveIn.ATTRIBUTE, move);
        slot.holds(move);
        move.startReading(site.context().ports().get());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "move-in?flow=" + move.id);
    }

    /** While the old account is read: what is being read, refreshed every few seconds. */
    private static String reading(HttpServletRequest request, MoveIn move) {
        DataKind kind = move.reading();
        String what = kind == null ? text(request, "movein.reading.connected")
                : kind == DataKind.ARCHIVE ? text(request, "movein.reading.archive", move.archivedSoFar())
                : text(request, "movein.reading.kind", text(request, "kind." + MyImportServlet.formValue(kind)));
        return "<h2>" + Html.escape(text(request, "movein.reading.heading", move.oldAccount.toBareJID())) + "</h2>"
                + "<p role=\"status\">" + Html.escape(what) + "</p><p><a href=\"move-in?flow=" + move.id + "\">"
                + Html.escape(text(request, "notify.refresh")) + "</a></p>" + form(request, move, "cancel", "import.cancel", "");
    }

    /** What was found, what the import would do, the download, the choice of kinds and the confirm button. */
    private static String preview(HttpServletRequest request, MoveIn move) {
        StringBuilder body = new StringBuilder("<h2>").append(Html.escape(text(request, "movein.found.heading", move.oldAccount.toBareJID())))
                .append("</h2><ul>");
        for (PullReport.KindRead kind : move.pulled().kinds()) {
            String label = text(request, "kind." + MyImportServlet.formValue(kind.kind()));
            String detail = kind.detail() == null ? "" : kind.detail();
            body.append("<li>").append(Html.escape(switch (kind.status()) {
                case READ -> text(request, "movein.found.read", label, kind.count());
                case INCOMPLETE -> text(request, "movein.found.incomplete", label, kind.count(), detail);
                case NOT_OFFERED -> text(request, "movein.found.notoffered", label);
                case REFUSED -> text(request, "movein.found.refused", label, detail);
                case SKIPPED -> text(request, "movein.found.skipped", label);
            })).append("</li>");
        }
        body.append("</ul><p>").append(Html.escape(text(request, "movein.found.unreadable"))).append("</p>")
                .append(downloadLink(request, move))
                .append("<h2>").append(Html.escape(text(request, "import.preview.heading"))).append("</h2>");
        TransferReport preview = move.preview();
        List<String> sentences = preview.users().isEmpty() ? List.of() : MyImportServlet.words(request).sentences(preview.users().get(0), false);
        body.append(MyImportServlet.list(request, preview, sentences, "import.preview.nothing"))
                .append("<p>").append(Html.escape(text(request, "movein.history"))).append("</p>")
                .append(form(request, move, "confirm", "import.confirm", AccountHomeServlet.kindChoices(request, IMPORTED)))
                .append(form(request, move, "cancel", "import.cancel", ""));
        return body.toString();
    }

    private static String downloadLink(HttpServletRequest request, MoveIn move) {
        return "<p><a href=\"move-in?flow=" + move.id + "&amp;file\" download>" + Html.escape(text(request, "movein.download")) + "</a></p>";
    }

    private static String form(HttpServletRequest request, MoveIn move, String step, String button, String fields) {
        return "<form method=\"post\" action=\"move-in\">" + csrfField(request)
                + "<input type=\"hidden\" name=\"step\" value=\"" + step + "\"><input type=\"hidden\" name=\"flow\" value=\"" + move.id + "\">"
                + fields + "<button type=\"submit\">" + Html.escape(text(request, button)) + "</button></form>";
    }

    /** Imports the kinds ticked on the preview, once, and offers the statement. */
    private void confirm(HttpServletRequest request, HttpServletResponse response, String account) throws IOException {
        MoveIn move = current(request, account, request.getParameter("flow"));
        if (move == null || move.stage() != MoveIn.Stage.READY || Instant.now().isAfter(move.pending.expires) || !Files.exists(move.pending.file)) {
            request.getSession().removeAttribute(MoveIn.ATTRIBUTE);
            page(request, response, HttpServletResponse.SC_CONFLICT, home(request, account, error(text(request, "movein.expired"))));
            return;
        }
        StringBuilder body = new StringBuilder("<h2>").append(Html.escape(text(request, "import.done.heading"))).append("</h2>");
        synchronized (move) {
            if (!move.imported()) {
                PendingImport chosen = new PendingImport(account, move.pending.file, move.pending.fileName,
                        MyImportServlet.options(request, account), move.pending.expires);
                TransferReport report = chosen.run(site.context().ports().get(), false);
                move.markImported();
                UserOutcome outcome = report.users().isEmpty() ? null : report.users().get(0);
                if (outcome == null || outcome.status() != UserOutcome.Status.DONE) {
                    body.append(error(text(request, "import.done.failed") + (outcome == null || outcome.problem() == null ? "" : " " + outcome.problem())));
                }
                body.append(MyImportServlet.list(request, report, outcome == null ? List.of()
                        : MyImportServlet.words(request).sentences(outcome, true), "import.preview.nothing"));
            }
        }
        body.append(tellForm(request, move));
        page(request, response, HttpServletResponse.SC_OK, body.toString());
    }

    /** "Tell my contacts": who may read the old account's note, and the password again only if the connection closed. */
    private static String tellForm(HttpServletRequest request, MoveIn move) {
        String password = move.connection() != null ? "" : "<p>" + Html.escape(text(request, "movein.tell.again")) + "</p><label>"
                + Html.escape(text(request, "movein.password")) + "<br><input type=\"password\" name=\"password\" autocomplete=\"off\" required></label>";
        return "<section><h2>" + Html.escape(text(request, "movein.tell.heading")) + "</h2><p>"
                + Html.escape(text(request, "movein.tell.explain", move.oldAccount.toBareJID())) + "</p>"
                + form(request, move, "tell", "movein.tell.submit", password
                + "<label><input type=\"radio\" name=\"audience\" value=\"contacts\" checked> " + Html.escape(text(request, "move.audience.contacts"))
                + "</label><label><input type=\"radio\" name=\"audience\" value=\"anyone\"> " + Html.escape(text(request, "move.audience.anyone"))
                + "</label>") + downloadLink(request, move)
                + (move.imported() ? form(request, move, "finish", "movein.finish", "") : "") + "</section>";
    }

    /** Publishes the statement on the old account and starts asking the contacts from this one. */
    private void tell(HttpServletRequest request, HttpServletResponse response, String account) throws IOException {
        MoveIn move = current(request, account, request.getParameter("flow"));
        if (move == null || move.stage() != MoveIn.Stage.READY) {
            page(request, response, HttpServletResponse.SC_CONFLICT, home(request, account, error(text(request, "movein.expired"))));
            return;
        }
        MoveAnnouncement.Audience audience = "anyone".equals(request.getParameter("audience"))
                ? MoveAnnouncement.Audience.ANYONE : MoveAnnouncement.Audience.CONTACTS;
        RemoteSession remote = move.connection();
        TransferSlots.Slot slot = null;
        try {
            if (remote == null) {
                // the connection closed since the import: one made for this step alone, with the password typed again
                String password = request.getParameter("password");
                if (password == null || password.isEmpty()) {
                    throw new IllegalArgumentException(text(request, "movein.nopassword"));
                }
                slot = site.slots().take(account, request.getRemoteAddr(), TransferSlots.Direction.IN, move.oldAccount);
                remote = connector().connect(new RemoteLogin(move.oldAccount, password));
            }
            new RemoteStatement(remote).publish(account + "@" + site.domain(), audience);
            String message = text(request, "movein.told.note", move.oldAccount.toBareJID());
            Moves moves = site.context().moves();
            if (moves != null) {
                ContactNotifier.Progress progress = moves.notifier().start(account, move.oldAccount.toBareJID());
                message += " " + text(request, "notify.started", progress.total(), progress.oldJid().toBareJID());
            }
            request.getSession().removeAttribute(MoveIn.ATTRIBUTE); // the move is done: its connection, place and file go
            page(request, response, HttpServletResponse.SC_OK, home(request, account, "<p role=\"status\">" + Html.escape(message) + "</p>"));
        } catch (TransferSlots.NoSlot busy) {
            page(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, error(busy(request, busy)) + tellForm(request, move));
        } catch (RemoteException | AccountException | IllegalArgumentException e) {
            if (slot == null) {
                move.disconnect(); // a connection that failed once is not tried again: the form asks for the password
            }
            page(request, response, HttpServletResponse.SC_BAD_GATEWAY, error(text(request, "movein.tell.failed", e.getMessage()))
                    + tellForm(request, move));
        } finally {
            if (slot != null) {
                if (remote != null) {
                    remote.close();
                }
                slot.close();
            }
        }
    }

    private RemoteConnector connector() {
        return new RemoteConnector(site.context().settings().remoteSettings());
    }

    static String busy(HttpServletRequest request, TransferSlots.NoSlot busy) {
        return text(request, "movein.busy." + busy.refusal.name().toLowerCase(Locale.ROOT));
    }

    private String home(HttpServletRequest request, String account, String message) {
        return AccountHomeServlet.home(request, account + "@" + site.domain(), site, message);
    }

    /** The session's move, when it is this account's and the one the form names. */
    private static MoveIn current(HttpServletRequest request, String account, String flow) {
        HttpSession session = request.getSession(false);
        MoveIn move = session == null ? null : (MoveIn) session.getAttribute(MoveIn.ATTRIBUTE);
        return move != null && move.isFor(account, flow) ? move : null;
    }

    /** An address as typed: an account (name@domain), and not {@code ownJid}. */
    static JID accountAddress(String typed, String ownJid) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("no address");
        }
        JID jid = new JID(typed.trim());
        if (jid.getNode() == null || jid.getResource() != null) {
            throw new IllegalArgumentException("'" + typed.trim() + "' is not an account address (name@domain)");
        }
        if (jid.toBareJID().equals(ownJid)) {
            throw new IllegalArgumentException("that is this account");
        }
        return jid.asBareJID();
    }
}
