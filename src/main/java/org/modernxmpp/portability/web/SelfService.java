package org.modernxmpp.portability.web;

import java.time.Clock;
import java.time.Duration;

/**
 * The self-service site's shared parts: the plugin's context, the sign-in throttle, and its limits.
 *
 * @param maxUploadBytes the largest export a user may upload
 */
record SelfService(PortabilityContext context, LoginThrottle throttle, long maxUploadBytes) {
    static final long DEFAULT_MAX_UPLOAD_BYTES = 64L * 1024 * 1024;

    static SelfService of(PortabilityContext context) {
        return new SelfService(context, new LoginThrottle(5, 20, Duration.ofMinutes(15), Clock.systemUTC()), DEFAULT_MAX_UPLOAD_BYTES);
    }

    String domain() {
        return context.ports().get().accounts().domain();
    }
}
