package org.modernxmpp.portability.web;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.KindOutcome;
import org.modernxmpp.portability.transfer.TransferReport;
import org.modernxmpp.portability.transfer.UserOutcome;

/**
 * A report at a glance, for the job page: per kind, how many users' data was created, merged, replaced, left
 * unchanged, skipped or failed, and how many single changes that made. Counts the users the report lists.
 */
final class ReportTable {
    private ReportTable() {
    }

    static String html(javax.servlet.http.HttpServletRequest request, TransferReport report) {
        Map<DataKind, int[]> counts = new EnumMap<>(DataKind.class);
        Map<DataKind, Long> changes = new EnumMap<>(DataKind.class);
        for (UserOutcome user : report.users()) {
            for (KindOutcome kind : user.kinds()) {
                counts.computeIfAbsent(kind.kind(), k -> new int[KindOutcome.Result.values().length])[kind.result().ordinal()]++;
                changes.merge(kind.kind(), (long) kind.changes(), Long::sum);
            }
        }
        StringBuilder html = new StringBuilder("<table class=\"jive-table\"><caption>" + AdminTexts.html(request,
                report.usersNotListed() > 0 ? "report.byKind.listed" : "report.byKind") + "</caption><tr><th scope=\"col\">"
                + AdminTexts.html(request, "import.kind") + "</th>");
        for (KindOutcome.Result result : KindOutcome.Result.values()) {
            html.append("<th scope=\"col\">").append(result.name().toLowerCase(Locale.ROOT)).append("</th>");
        }
        html.append("<th scope=\"col\">").append(AdminTexts.html(request, "report.changes")).append("</th></tr>");
        counts.forEach((kind, row) -> {
            html.append("<tr><th scope=\"row\">").append(Html.escape(kind.label())).append("</th>");
            for (int count : row) {
                html.append("<td>").append(count).append("</td>");
            }
            html.append("<td>").append(changes.get(kind)).append("</td></tr>");
        });
        return html.append("</table>").toString();
    }
}
