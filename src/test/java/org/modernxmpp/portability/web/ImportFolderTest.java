package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file named for import on the server must lie inside the import folder: no way out by "..", absolute paths or links. */
class ImportFolderTest {
    @TempDir
    Path home;

    @Test
    void onlyFilesAndFoldersInsideTheImportFolderAreFound() throws Exception {
        Path folder = Files.createDirectories(home.resolve("import"));
        Path file = Files.writeString(folder.resolve("old-server.xml"), "<server-data/>");
        Path layout = Files.createDirectories(folder.resolve("layout"));
        Path outside = Files.writeString(home.resolve("secret.xml"), "<server-data/>");
        Files.createSymbolicLink(folder.resolve("link.xml"), outside);

        assertEquals(file, AdminImportServlet.confined(folder, "old-server.xml"));
        assertEquals(layout, AdminImportServlet.confined(folder, "layout"));
        assertNull(AdminImportServlet.confined(folder, "../secret.xml"));
        assertNull(AdminImportServlet.confined(folder, outside.toString()), "absolute paths lead outside");
        assertNull(AdminImportServlet.confined(folder, "link.xml"), "a link that leads outside");
        assertNull(AdminImportServlet.confined(folder, "missing.xml"));
        assertNull(AdminImportServlet.confined(folder, "."), "the folder itself is not an export");
    }
}
