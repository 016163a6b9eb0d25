package org.modernxmpp.portability.web;

/** Escaping for text placed in HTML. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The last part of a file name a browser sent, for showing it and naming the source in reports: never a path, never
     * empty ({@code fallback} then).
     */
    static String uploadName(String submitted, String fallback) {
        if (submitted == null) {
            return fallback;
        }
        String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1).replace("\0", "").strip();
        return name.isEmpty() ? fallback : name;
    }

    /** The start of a page in the admin console's frame: {@code pageId} is the plugin.xml item it belongs to. */
    static String head(String title, String pageId) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + "<meta name=\"pageID\" content=\"" + escape(pageId) + "\"/></head><body>";
    }

    /** The hidden field Openfire's PluginServlet checks on every POST (it puts the token in the request). */
    static String csrfField(Object token) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(String.valueOf(token)) + "\">";
    }
}
