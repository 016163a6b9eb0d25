package org.modernxmpp.portability.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.transfer.ExportJob;
import org.modernxmpp.portability.transfer.ExportOptions;
import org.modernxmpp.portability.transfer.TransferProgress;

/** "Download my data": every kind of the signed-in account, and of no other, whatever the request names. */
final class MyExportServlet extends SelfServicePage {

    MyExportServlet(SelfService site) {
        super(site);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = signedInWithToken(request, response, request.getParameter("csrf"));
        if (account == null) {
            return;
        }
        boolean credentials = "true".equals(request.getParameter("credentials"));
        String fileName = account + "@" + site.domain() + "-" + LocalDate.now() + (credentials ? "-with-credentials" : "") + ".xml";
        secureHeaders(response);
        response.setContentType("application/xml; charset=utf-8");
        response.setHeader("Content-Disposition", AdminJobServlet.attachment(fileName));
        ExportOptions options = ExportOptions.everything().withCredentials(credentials).withUsers(List.of(account));
        try (PieWriter writer = new PieWriter(response.getOutputStream())) {
            new ExportJob(site.context().ports().get(), options, new TransferProgress()).run(writer);
        }
    }
}
