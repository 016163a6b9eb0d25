package org.modernxmpp.portability.transfer;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes a report as JSON, for download from the pages and for scripts. Written by hand (a few dozen lines) rather
 * than by a JSON library the plugin would have to ship.
 */
public final class ReportJson {
    private final Writer out;

    private ReportJson(Writer out) {
        this.out = out;
    }

    public static void write(TransferReport report, Writer out) throws IOException {
        new ReportJson(out).report(report);
        out.flush();
    }

    private void report(TransferReport report) throws IOException {
        out.write("{\"dryRun\":" + report.dryRun() + ",\"cancelled\":" + report.wasCancelled() + ",\"counts\":{");
        boolean first = true;
        for (UserOutcome.Status status : UserOutcome.Status.values()) {
            out.write((first ? "" : ",") + string(status.name().toLowerCase()) + ":" + report.count(status));
            first = false;
        }
        out.write("},\"users\":[");
        first = true;
        for (UserOutcome user : report.users()) {
            out.write(first ? "" : ",");
            user(user);
            first = false;
        }
        out.write("],\"usersNotListed\":" + report.usersNotListed());
        out.write(",\"passwordResets\":" + strings(report.passwordResets()));
        out.write(",\"unknownElements\":{");
        first = true;
        for (Map.Entry<String, Integer> unknown : report.unknownElements().entrySet()) {
            out.write((first ? "" : ",") + string(unknown.getKey()) + ":" + unknown.getValue());
            first = false;
        }
        out.write("},\"notes\":" + strings(report.notes()) + "}");
    }

    private void user(UserOutcome user) throws IOException {
        out.write("{\"source\":" + string(user.source()) + ",\"target\":" + string(user.target()) + ",\"status\":"
                + string(user.status().name().toLowerCase()) + ",\"problem\":" + string(user.problem()) + ",\"kinds\":[");
        boolean first = true;
        for (KindOutcome kind : user.kinds()) {
            out.write((first ? "" : ",") + "{\"kind\":" + string(kind.kind().name().toLowerCase()) + ",\"result\":"
                    + string(kind.result().name().toLowerCase()) + ",\"changes\":" + kind.changes() + ",\"details\":"
                    + strings(kind.details()) + "}");
            first = false;
        }
        out.write("]}");
    }

    private static String strings(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            json.append(json.length() > 1 ? "," : "").append(string(value));
        }
        return json.append(']').toString();
    }

    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '<') {
                        // '<' too, so the JSON can be embedded in a page without closing a script element
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
