package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.model.UserData;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The self-service pages in a real headless Chromium (Debian's chromium and chromedriver, driven by Selenium): sign in,
 * preview and import a Prosody export chosen in the file input with one kind unticked, sign out; and signing in with
 * JavaScript switched off, since the pages are meant to need none. Skipped when chromedriver is not installed
 * ({@code apt-get install chromium chromium-driver}).
 */
@Timeout(90)
class SelfServiceBrowserTest {
    private static final String PASSWORD = "jules-secret";

    @TempDir
    Path work;
    @TempDir
    Path profiles;

    private InMemoryServer server;
    private SelfServiceSite site;
    private WebDriver chrome;

    @BeforeEach
    void startSite() throws Exception {
        HeadlessChromium.assumeInstalled();
        server = new InMemoryServer(SelfServiceSite.DOMAIN);
        server.seed(UserData.builder("jules").password(PASSWORD).build());
        Map<String, String> passwords = new HashMap<>(Map.of("jules", PASSWORD));
        site = SelfServiceSite.start(server, passwords, work);
    }

    @AfterEach
    void stop() throws Exception {
        if (chrome != null) {
            chrome.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    private WebDriver chrome(boolean javascript) throws Exception {
        return HeadlessChromium.start(profiles, javascript);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(chrome, Duration.ofSeconds(10));
    }

    private String bodyText() {
        return chrome.findElement(By.tagName("body")).getText();
    }

    private void waitForText(String text) {
        waiting().withMessage(() -> "no '" + text + "' in the page:\n" + chrome.getPageSource())
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
    }

    private void signIn() {
        chrome.get(site.base().toString());
        waitForText("Sign in");
        chrome.findElement(By.name("address")).sendKeys("jules@capulet.example");
        chrome.findElement(By.name("password")).sendKeys(PASSWORD);
        chrome.findElement(By.cssSelector("form[action='sign-in'] button[type='submit']")).click();
        waitForText("Signed in as jules@capulet.example");
    }

    @Test
    void signInPreviewImportAndSignOutInARealBrowser() throws Exception {
        chrome = chrome(true);

        signIn();
        Cookie session = chrome.manage().getCookieNamed(SelfServiceSite.COOKIE);
        assertNotNull(session, "the session cookie");
        assertTrue(session.isHttpOnly(), "HttpOnly");
        assertEquals("Strict", session.getSameSite());

        WebElement importForm = chrome.findElement(By.cssSelector("form[enctype='multipart/form-data']"));
        importForm.findElement(By.cssSelector("input[type='file'][name='file']"))
                .sendKeys(SelfServiceSite.PROSODY_JULIET.toAbsolutePath().toString());
        WebElement vCard = importForm.findElement(By.cssSelector("input[name='kind'][value='vcard']"));
        assertTrue(vCard.isSelected(), "every kind is ticked at first");
        vCard.click();
        assertFalse(vCard.isSelected());
        importForm.findElement(By.cssSelector("button[type='submit']")).click();

        waitForText("This is what the import would do");
        List<String> planned = chrome.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
        assertTrue(planned.contains("6 contacts will be added"), planned.toString());
        assertFalse(planned.stream().anyMatch(s -> s.contains("profile")), "the profile was unticked: " + planned);
        assertEquals(0, server.writes(), "the preview wrote nothing");

        chrome.findElement(By.xpath("//button[normalize-space()='Import']")).click();

        waitForText("Imported");
        List<String> done = chrome.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
        assertTrue(done.contains("6 contacts were added"), done.toString());
        UserData jules = server.snapshot("jules");
        assertEquals(6, jules.roster().size());
        assertNull(jules.vCard(), "the profile was unticked");
        assertEquals(List.of(), site.uploadsLeft());

        chrome.findElement(By.linkText("Your account")).click();
        waitForText("Signed in as jules@capulet.example");
        chrome.findElement(By.cssSelector("form[action='sign-out'] button[type='submit']")).click();

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.name("address")));
        assertFalse(bodyText().contains("Signed in as"), bodyText());
        assertTrue(bodyText().contains("Sign in"), bodyText());
    }

    @Test
    void signingInWorksWithJavaScriptSwitchedOff() throws Exception {
        chrome = chrome(false);
        chrome.get("data:text/html,<title>off</title><script>document.title='on'</script>");
        assertEquals("off", chrome.getTitle(), "JavaScript is really switched off in this browser");

        signIn();

        assertTrue(bodyText().contains("Signed in as jules@capulet.example"), bodyText());
        String address = chrome.getCurrentUrl();
        assertEquals(site.base().toString(), address, "the sign-in POST redirected to the start page");
        assertNotNull(chrome.manage().getCookieNamed(SelfServiceSite.COOKIE), "the session cookie");
    }
}
