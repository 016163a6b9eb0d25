package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.jivesoftware.openfire.auth.AuthToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.transfer.BackgroundJob;
import org.modernxmpp.portability.transfer.BackgroundJobs;
import org.modernxmpp.portability.transfer.TransferReport;

/** Admin actions land in the audit log under the name of the admin the console signed in. */
class AdminAuditTest {
    @TempDir
    Path work;

    @Test
    void cancellingAJobIsRecordedWithTheAdminsName() throws Exception {
        List<String> audit = new ArrayList<>();
        BackgroundJobs jobs = new BackgroundJobs();
        PortabilityContext context = new PortabilityContext(() -> new InMemoryServer("capulet.example").ports(), jobs, () -> work,
                (u, p) -> false, (admin, summary, details) -> audit.add(admin + ": " + summary + " (" + details + ")"));
        CountDownLatch release = new CountDownLatch(1);
        BackgroundJob job = jobs.start("import of big.xml", false, null, progress -> {
            release.await(10, TimeUnit.SECONDS);
            return new TransferReport(false);
        });
        AuthToken token = mock(AuthToken.class);
        when(token.getUsername()).thenReturn("admin");
        HttpSession session = mock(HttpSession.class);
        when(session.getAttribute("jive.admin.authToken")).thenReturn(token);
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getSession(false)).thenReturn(session);
        when(request.getParameter("id")).thenReturn(job.id());
        when(request.getParameter("action")).thenReturn("cancel");

        new AdminJobServlet(context).doPost(request, mock(HttpServletResponse.class));
        release.countDown();
        jobs.shutdown(10, TimeUnit.SECONDS);

        assertTrue(job.progress().cancelRequested());
        assertEquals(List.of("admin: Account Portability: cancelled the import of big.xml (job " + job.id() + ")"), audit);
    }
}
