package org.modernxmpp.portability.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import javax.servlet.http.HttpServletRequest;

/**
 * The admin pages' words, from the bundle {@code org.modernxmpp.portability.web.AdminConsole} in the language the
 * admin's browser asks for (English when there is no translation). Texts with arguments are MessageFormat patterns
 * (an apostrophe is written twice there); the others are used as they are.
 */
final class AdminTexts {
    private AdminTexts() {
    }

    static String text(HttpServletRequest request, String key, Object... arguments) {
        Locale locale = request == null || request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        // no fallback to the JVM's locale: without a translation for the browser's language the base bundle (English) speaks
        String pattern = ResourceBundle.getBundle("org.modernxmpp.portability.web.AdminConsole", locale, AdminTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** The text, escaped for HTML. */
    static String html(HttpServletRequest request, String key, Object... arguments) {
        return Html.escape(text(request, key, arguments));
    }
}
