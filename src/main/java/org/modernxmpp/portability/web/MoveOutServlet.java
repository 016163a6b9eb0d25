package org.modernxmpp.portability.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.moved.MoveAnnouncement;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.remote.PushResult;
import org.modernxmpp.portability.remote.RemoteConnector;
import org.modernxmpp.portability.remote.RemoteException;
import org.modernxmpp.portability.remote.RemoteLogin;
import org.modernxmpp.portability.remote.RemoteProblem;
import org.modernxmpp.portability.remote.RemoteSession;
import org.modernxmpp.portability.transfer.KindPolicy;
import org.modernxmpp.portability.transfer.TransferReport;
import org.xmpp.packet.JID;

/**
 * "Move to a new account elsewhere", signed in as this (old) account: the new address and password -> this server
 * logs in there as the user's client and previews the push -> the kinds to take -> the push, this account's XEP-0283
 * statement, and the new account asking each contact, paced, while the page shows how far it got. The new password
 * goes into that one connection and nowhere else.
 */
final class MoveOutServlet extends SelfServicePage {

    MoveOutServlet(SelfService site) {
        super(site);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = account(request);
        MoveOut move = account == null ? null : current(request, account, request.getParameter("flow"));
        if (move == null) {
            page(request, response, HttpServletResponse.SC_NOT_FOUND, error(text(request, "movein.expired")));
            return;
        }
        switch (move.stage()) {
            case PREPARING -> page(request, response, HttpServletResponse.SC_OK, status(request, move, text(request, "moveout.preparing")), 2);
            case READY -> page(request, response, HttpServletResponse.SC_OK, preview(request, move));
            case PUSHING -> page(request, response, HttpServletResponse.SC_OK, status(request, move, text(request, "moveout.pushing")), 2);
            case TELLING -> page(request, response, HttpServletResponse.SC_OK, pushed(request, move)
                    + status(request, move, text(request, "moveout.telling", move.told(), move.toTell())), 2);
            case DONE -> page(request, response, HttpServletResponse.SC_OK, pushed(request, move) + "<p role=\"status\">"
                    + Html.escape(text(request, "moveout.done", move.newAccount.toBareJID(), move.notices().asked().size(),
                    move.notices().alreadyAsked().size())) + "</p><p><a href=\"./\">" + Html.escape(text(request, "title")) + "</a></p>");
            case FAILED -> {
                request.getSession().removeAttribute(MoveOut.ATTRIBUTE);
                page(request, response, HttpServletResponse.SC_OK, home(request, account, error(text(request, "moveout.failed", move.failure()))));
            }
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = signedInWithToken(request, response, request.getParameter("csrf"));
        if (account == null) {
            return;
        }
        if (!site.context().settings().moveOutEnabled()) {
            page(request, response, HttpServletResponse.SC_FORBIDDEN, home(request, account, error(text(request, "moveout.off"))));
            return;
        }
        String step = request.getParameter("step") == null ? "connect" : request.getParameter("step");
        switch (step) {
            case "confirm" -> confirm(request, response, account);
            case "cancel" -> {
                MoveOut move = current(request, account, request.getParameter("flow"));
                if (move != null && move.stage() != MoveOut.Stage.READY && move.stage() != MoveOut.Stage.PREPARING) {
                    redirect(response, move); // a push under way is not cut off half-way from a page
                    return;
                }
                request.getSession().removeAttribute(MoveOut.ATTRIBUTE);
                page(request, response, HttpServletResponse.SC_OK, home(request, account, "<p role=\"status\">"
                        + Html.escape(text(request, "moveout.cancelled")) + "</p>"));
            }
            default -> connect(request, response, account);
        }
    }

    private void connect(HttpServletRequest request, HttpServletResponse response, String account) throws IOException {
        JID target;
        try {
            target = MoveInServlet.accountAddress(request.getParameter("address"), account + "@" + site.domain());
        } catch (IllegalArgumentException e) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, home(request, account, error(text(request, "move.invalid", e.getMessage()))));
            return;
        }
        String password = request.getParameter("password");
        if (password == null || password.isEmpty()) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, home(request, account, error(text(request, "moveout.nopassword"))));
            return;
        }
        String guessKey = "remote:" + target.toBareJID();
        if (site.throttle().waitBefore(request.getRemoteAddr(), guessKey).compareTo(Duration.ZERO) > 0) {
            page(request, response, 429, home(request, account, error(text(request, "movein.held"))));
            return;
        }
        HttpSession httpSession = request.getSession();
        MoveOut earlier = (MoveOut) httpSession.getAttribute(MoveOut.ATTRIBUTE);
        if (earlier != null && (earlier.stage() == MoveOut.Stage.PUSHING || earlier.stage() == MoveOut.Stage.TELLING)) {
            redirect(response, earlier);
            return;
        }
        httpSession.removeAttribute(MoveOut.ATTRIBUTE);
        TransferSlots.Slot slot;
        try {
            slot = site.slots().take(account, request.getRemoteAddr(), TransferSlots.Direction.OUT, target);
        } catch (TransferSlots.NoSlot busy) {
            page(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, home(request, account, error(MoveInServlet.busy(request, busy))));
            return;
        }
        RemoteSession remote;
        try {
            remote = new RemoteConnector(site.context().settings().remoteSettings()).connect(new RemoteLogin(target, password));
        } catch (RemoteException e) {
            slot.close();
            if (e.problem() == RemoteProblem.WRONG_PASSWORD) {
                site.throttle().failed(request.getRemoteAddr(), guessKey);
            }
            page(request, response, HttpServletResponse.SC_BAD_GATEWAY, home(request, account, error(text(request, "moveout.failed", e.getMessage()))));
            return;
        }
        site.throttle().succeeded(guessKey);
        Path file = Files.createDirectories(site.context().workDirectory().get().resolve("uploads")).resolve("moveout-" + UUID.randomUUID() + ".xml");
        MoveOut move = new MoveOut(account, target, file, remote, slot);
        httpSession.setAttribute(MoveOut.ATTRIBUTE, move);
        slot.holds(move);
        move.prepare(site.context().ports().get(), options(account, MoveInServlet.IMPORTED.stream().map(MyImportServlet::formValue).toList(), KindPolicy.MERGE));
        redirect(response, move);
    }

    private static org.modernxmpp.portability.transfer.ImportOptions options(String account, List<String> kinds, KindPolicy policy) {
        return MyImportServlet.options(account, Set.copyOf(kinds), policy);
    }

    private static void redirect(HttpServletResponse response, MoveOut move) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "move-out?flow=" + move.id);
    }

    private static String status(HttpServletRequest request, MoveOut move, String what) {
        return "<h2>" + Html.escape(text(request, "moveout.heading.to", move.newAccount.toBareJID())) + "</h2><p role=\"status\">"
                + Html.escape(what) + "</p><p><a href=\"move-out?flow=" + move.id + "\">" + Html.escape(text(request, "notify.refresh")) + "</a></p>";
    }

    /** What the push would do, the kinds to take, who may read the statement, and the button that starts it all. */
    private static String preview(HttpServletRequest request, MoveOut move) {
        TransferReport report = move.preview().report();
        List<String> sentences = report.users().isEmpty() ? List.of() : MyImportServlet.words(request).sentences(report.users().get(0), false);
        return "<h2>" + Html.escape(text(request, "moveout.preview.heading", move.newAccount.toBareJID())) + "</h2>"
                + MyImportServlet.list(request, report, sentences, "import.preview.nothing")
                + "<p>" + Html.escape(text(request, "moveout.explain.after")) + "</p>"
                + form(request, move, "confirm", "moveout.confirm", AccountHomeServlet.kindChoices(request, MoveInServlet.IMPORTED)
                + "<label><input type=\"radio\" name=\"audience\" value=\"contacts\" checked> " + Html.escape(text(request, "move.audience.contacts"))
                + "</label><label><input type=\"radio\" name=\"audience\" value=\"anyone\"> " + Html.escape(text(request, "move.audience.anyone"))
                + "</label>")
                + form(request, move, "cancel", "import.cancel", "");
    }

    /** What the push did, and what the new account does not show though the file had it. */
    private static String pushed(HttpServletRequest request, MoveOut move) {
        PushResult result = move.pushed();
        TransferReport report = result.report();
        List<String> sentences = report.users().isEmpty() ? List.of() : MyImportServlet.words(request).sentences(report.users().get(0), true);
        StringBuilder body = new StringBuilder("<h2>").append(Html.escape(text(request, "moveout.pushed.heading", move.newAccount.toBareJID())))
                .append("</h2>").append(MyImportServlet.list(request, report, sentences, "import.preview.nothing"));
        if (!result.notThere().isEmpty()) {
            body.append(error(text(request, "moveout.notthere"))).append("<ul>");
            result.notThere().forEach(line -> body.append("<li>").append(Html.escape(line)).append("</li>"));
            body.append("</ul>");
        }
        return body.toString();
    }

    private static String form(HttpServletRequest request, MoveOut move, String step, String button, String fields) {
        return "<form method=\"post\" action=\"move-out\">" + csrfField(request)
                + "<input type=\"hidden\" name=\"step\" value=\"" + step + "\"><input type=\"hidden\" name=\"flow\" value=\"" + move.id + "\">"
                + fields + "<button type=\"submit\">" + Html.escape(text(request, button)) + "</button></form>";
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, String account) throws IOException {
        MoveOut move = current(request, account, request.getParameter("flow"));
        if (move == null) {
            page(request, response, HttpServletResponse.SC_CONFLICT, home(request, account, error(text(request, "movein.expired"))));
            return;
        }
        AccountPorts ports = site.context().ports().get();
        List<JID> contacts;
        try {
            contacts = ports.rosters().items(account).stream().map(RosterItem::jid).map(JID::asBareJID).toList();
        } catch (AccountException e) {
            page(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, home(request, account, error(e.getMessage())));
            return;
        }
        MoveAnnouncement.Audience audience = "anyone".equals(request.getParameter("audience"))
                ? MoveAnnouncement.Audience.ANYONE : MoveAnnouncement.Audience.CONTACTS;
        // the same pace as the notices Openfire sends for a local move
        Duration pause = Duration.ofMillis(60_000L / Math.max(1, site.context().settings().movedNoticesPerMinute()));
        move.go(ports, site.context().moves(), MyImportServlet.options(request, account), audience, contacts, pause);
        redirect(response, move);
    }

    private String home(HttpServletRequest request, String account, String message) {
        return AccountHomeServlet.home(request, account + "@" + site.domain(), site, message);
    }

    private static MoveOut current(HttpServletRequest request, String account, String flow) {
        HttpSession session = request.getSession(false);
        MoveOut move = session == null ? null : (MoveOut) session.getAttribute(MoveOut.ATTRIBUTE);
        return move != null && move.isFor(account, flow) ? move : null;
    }
}
