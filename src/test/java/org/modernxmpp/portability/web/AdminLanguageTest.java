package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** The admin pages speak the admin's language where a translation has the words, and English where it does not. */
class AdminLanguageTest extends AdminPageFixture {

    private String page(String path, String language) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(console.uri(path)).header("Accept-Language", language).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theExportPageUsesTheTranslationAndFallsBackToEnglish() throws Exception {
        String esperanto = page("export", "eo");
        assertTrue(esperanto.contains("Eksporti kontojn") && esperanto.contains(">Eksporti</button>"), esperanto);
        assertTrue(esperanto.contains("Include passwords and password hashes"), "untranslated words stay English");

        String english = page("export", "en-GB");
        assertTrue(english.contains("Export accounts") && english.contains(">Export</button>"), english);
    }
}
