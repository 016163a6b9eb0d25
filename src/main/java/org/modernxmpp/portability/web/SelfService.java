package org.modernxmpp.portability.web;

import java.time.Clock;

/**
 * The self-service site's shared parts: the plugin's context, the sign-in throttle, and its limits.
 *
 * @param maxUploadBytes the largest export a user may upload (read when the site is set up)
 */
record SelfService(PortabilityContext context, LoginThrottle throttle, long maxUploadBytes) {
    static final long DEFAULT_MAX_UPLOAD_BYTES = Settings.DEFAULTS.selfServiceUploadBytes();

    /** The site as the settings say; the sign-in limits follow the settings as they change. */
    static SelfService of(PortabilityContext context) {
        Settings settings = context.settings();
        return new SelfService(context, new LoginThrottle(settings::signInFailuresPerAccount, settings::signInFailuresPerAddress,
                settings::signInHoldOff, Clock.systemUTC()), settings.selfServiceUploadBytes());
    }

    /** The places for moves that connect to other servers. */
    TransferSlots slots() {
        return context.transfers();
    }

    boolean enabled() {
        return context.settings().selfServiceEnabled();
    }

    String domain() {
        return context.ports().get().accounts().domain();
    }
}
