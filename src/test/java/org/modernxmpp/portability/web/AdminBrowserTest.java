package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin export page in a real headless Chromium: find a user, start a background export, watch the job page
 * show progress (it refreshes itself, without script) while the job is held, then the finished report with its
 * download link. A screenshot goes to target/ when it fails.
 */
@Timeout(120)
class AdminBrowserTest extends AdminPageFixture {
    @TempDir
    Path profiles;
    private WebDriver chrome;
    private GatedRosters gate;

    @BeforeEach
    void browser() throws Exception {
        HeadlessChromium.assumeInstalled();
        SyntheticExport generator = new SyntheticExport(5);
        for (String name : new String[] {"juliet", "romeo", "nurse"}) {
            server.seed(generator.user(name, new SyntheticExport.Shape(3, 100, 1, 1, 0)));
        }
        gate = new GatedRosters(server.ports());
        console.use(context(gate::ports));
        chrome = HeadlessChromium.start(profiles, false);
    }

    @AfterEach
    void close() {
        gate.open();
        if (chrome != null) {
            chrome.quit();
        }
    }

    private String body() {
        return chrome.findElement(By.tagName("body")).getText();
    }

    @Test
    void aBackgroundExportShowsItsProgressAndEndsWithTheReportAndADownload() throws Exception {
        try {
            chrome.navigate().to(console.uri("export?search=ul").toString());
            chrome.findElement(By.cssSelector("input[name='user'][value='juliet']")).click();
            chrome.findElement(By.name("background")).click();
            chrome.findElement(By.cssSelector("form[method='post'] button[type='submit']")).click();

            assertTrue(gate.awaitHeld(), "the job started");
            // the page refreshes itself: the count of users appears once the job has counted them
            new WebDriverWait(chrome, Duration.ofSeconds(20)).until(d -> body().contains("0 of 1 users done"));
            assertTrue(body().contains("Cancel") || !chrome.findElements(By.cssSelector("button[value='cancel']")).isEmpty(), body());
            gate.open();
            new WebDriverWait(chrome, Duration.ofSeconds(30)).until(d -> body().contains("Finished after"));

            assertTrue(body().contains("Users: 1 done, 0 skipped, 0 failed"), body());
            assertTrue(body().contains("juliet@" + AdminConsole.DOMAIN + ": done"), body());
            assertEquals("Download the export", chrome.findElement(By.partialLinkText("Download the export")).getText());
            assertTrue(chrome.findElement(By.tagName("table")).getText().contains("contacts"), "the table per kind");
        } catch (AssertionError | RuntimeException e) {
            Path shot = Files.createDirectories(Path.of("target/screenshots")).resolve("admin-background-export.png");
            Files.write(shot, ((TakesScreenshot) chrome).getScreenshotAs(OutputType.BYTES));
            throw e;
        }
    }
}
