package org.modernxmpp.portability.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

import org.junit.jupiter.api.Test;

/** The files `mvn package` builds, checked as Openfire and a shell would see them. */
class PackagingIT {
    private static final String VERSION = System.getProperty("project.version");
    private static final Path PLUGIN = Path.of("target/accountportability.jar");
    private static final Path CLI = Path.of("target/accountportability-cli.jar");

    private static List<String> entries(JarFile jar) {
        return jar.stream().map(JarEntry::getName).filter(n -> !n.endsWith("/")).sorted().toList();
    }

    @Test
    void pluginFileHasOpenfiresLayoutAndOnlyWhatOpenfireLacks() throws IOException {
        try (JarFile plugin = new JarFile(PLUGIN.toFile())) {
            assertEquals(List.of("META-INF/MANIFEST.MF", "changelog.html", "i18n/accountportability_i18n.properties",
                    "lib/accountportability-" + VERSION + ".jar", "lib/commons-io-2.22.0.jar",
                    // Smack core and TCP for the accounts on other servers; Openfire ships none of Smack, jxmpp or MiniDNS
                    "lib/jxmpp-core-1.0.3.jar", "lib/jxmpp-jid-1.0.3.jar", "lib/jxmpp-util-cache-1.0.3.jar",
                    "lib/minidns-core-1.0.5.jar", "lib/smack-core-4.4.8.jar", "lib/smack-java8-4.4.8.jar",
                    "lib/smack-resolver-javax-4.4.8.jar", "lib/smack-sasl-javax-4.4.8.jar",
                    "lib/smack-streammanagement-4.4.8.jar", "lib/smack-tcp-4.4.8.jar", "lib/smack-xmlparser-4.4.8.jar",
                    "lib/smack-xmlparser-stax-4.4.8.jar", "logo_large.png",
                    "logo_small.png", "plugin.xml", "readme.html", "web/WEB-INF/web.xml"), entries(plugin));
            String pluginXml = new String(plugin.getInputStream(plugin.getEntry("plugin.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(pluginXml.contains("<class>org.modernxmpp.portability.AccountPortabilityPlugin</class>"));
            assertTrue(pluginXml.contains("<version>" + VERSION + "</version>"), pluginXml);
            assertTrue(pluginXml.matches("(?s).*<date>\\d{4}-\\d\\d-\\d\\d</date>.*"), pluginXml);
            assertTrue(pluginXml.contains("<csrfProtectionEnabled>true</csrfProtectionEnabled>"));
            // Maven fills in its own placeholders; the ${…} left are i18n keys Openfire resolves from the plugin's bundle
            String bundle = new String(plugin.getInputStream(plugin.getEntry("i18n/accountportability_i18n.properties")).readAllBytes(),
                    StandardCharsets.UTF_8);
            java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\$\\{([^}]*)}").matcher(pluginXml);
            while (placeholder.find()) {
                assertTrue(bundle.contains("\n" + placeholder.group(1) + "="), "no i18n label for ${" + placeholder.group(1) + "}");
            }
            assertTrue(pluginXml.contains("<item id=\"accountportability-export\""), pluginXml);

            List<String> classes = new ArrayList<>();
            try (InputStream lib = plugin.getInputStream(plugin.getEntry("lib/accountportability-" + VERSION + ".jar"));
                 JarInputStream jar = new JarInputStream(lib)) {
                for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                    classes.add(entry.getName());
                }
            }
            assertTrue(classes.contains("org/modernxmpp/portability/AccountPortabilityPlugin.class"));
            assertTrue(classes.contains("org/modernxmpp/portability/pie/PieReader.class"));
            assertFalse(classes.stream().anyMatch(c -> c.startsWith("org/jivesoftware/")), "the API mirror never ships");
        }
    }

    @Test
    void cliJarRunsOnItsOwn() throws Exception {
        Process process = new ProcessBuilder("java", "-jar", CLI.toString(), "inspect", "examples/capulet.xml").start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(0, process.exitValue(), err);
        assertTrue(out.contains("Users: 3"), out);
        assertEquals("", err, "nothing on stderr for a small export");

        Process version = new ProcessBuilder("java", "-jar", CLI.toString(), "--version").start();
        String printed = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(version.waitFor(60, TimeUnit.SECONDS));
        assertEquals("accountportability " + VERSION + "\n", printed);
    }
}
