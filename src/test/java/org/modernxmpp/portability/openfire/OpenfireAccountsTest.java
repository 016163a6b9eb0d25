package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jivesoftware.openfire.auth.AuthFactory;
import org.jivesoftware.openfire.auth.DefaultAuthProvider;
import org.jivesoftware.openfire.user.User;
import org.jivesoftware.openfire.user.UserAlreadyExistsException;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedStatic;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.Credentials;
import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.ScramCredentials;

/** The account adapter's calls on UserManager, User and AuthFactory, and its rules for passwords. */
class OpenfireAccountsTest {
    private final UserManager users = mock(UserManager.class);
    private final ScramHashStore hashes = mock(ScramHashStore.class);
    private final OpenfireAccounts accounts = new OpenfireAccounts(users, "capulet.example", hashes);
    private MockedStatic<AuthFactory> auth;

    private static final ScramCredentials SCRAM = new ScramCredentials("SCRAM-SHA-1", 4096, new byte[16], new byte[20], new byte[20]);
    private static final AccountDetails JULIET = new AccountDetails("Juliet Capulet", "juliet@capulet.example",
            Instant.parse("2020-01-02T03:04:05Z"), null, Map.of("lang", "it"));

    @BeforeEach
    void authFactory() {
        auth = mockStatic(AuthFactory.class);
        auth.when(() -> AuthFactory.isProviderInstanceOf(DefaultAuthProvider.class)).thenReturn(true);
    }

    @AfterEach
    void close() {
        auth.close();
    }

    private static User user(String name, String fullName, String email, Map<String, String> properties) {
        User user = mock(User.class);
        when(user.getUsername()).thenReturn(name);
        when(user.getName()).thenReturn(fullName);
        when(user.getEmail()).thenReturn(email);
        when(user.getProperties()).thenReturn(properties);
        return user;
    }

    @Test
    void createsWithThePlaintextPasswordAndTheDetails() throws Exception {
        Map<String, String> properties = new HashMap<>();
        User created = user("juliet", "", null, properties);
        when(users.createUser("juliet", "wherefore", "Juliet Capulet", "juliet@capulet.example")).thenReturn(created);

        accounts.create("juliet", JULIET, new Credentials("wherefore", List.of()));

        verify(users).createUser("juliet", "wherefore", "Juliet Capulet", "juliet@capulet.example");
        verify(created).setCreationDate(Date.from(Instant.parse("2020-01-02T03:04:05Z")));
        assertEquals(Map.of("lang", "it"), properties);
        verify(hashes, never()).store(anyString(), any());
    }

    @Test
    void scramOnlyCreatesWithARandomPasswordThenStoresTheHashes() throws Exception {
        User created = user("juliet", "Juliet Capulet", "juliet@capulet.example", new HashMap<>());
        ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
        when(users.createUser(eq("juliet"), password.capture(), any(), any())).thenReturn(created);

        accounts.create("juliet", JULIET, new Credentials(null, List.of(SCRAM)));

        assertTrue(password.getValue().length() >= 32, "a long random password, never a guess");
        assertNotEquals("juliet", password.getValue());
        verify(hashes).store("juliet", SCRAM);
    }

    @Test
    void twoAccountsNeverGetTheSameRandomPassword() throws Exception {
        ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
        User created = user("x", "", null, new HashMap<>());
        when(users.createUser(anyString(), password.capture(), any(), any())).thenReturn(created);
        accounts.create("a", JULIET, Credentials.NONE);
        accounts.create("b", JULIET, Credentials.NONE);
        assertNotEquals(password.getAllValues().get(0), password.getAllValues().get(1));
    }

    @Test
    void aFailedHashStoreRemovesTheAccountItJustCreated() throws Exception {
        User created = user("juliet", "", null, new HashMap<>());
        when(users.createUser(eq("juliet"), anyString(), any(), any())).thenReturn(created);
        doThrow(new AccountException("disk full")).when(hashes).store("juliet", SCRAM);

        assertThrows(AccountException.class, () -> accounts.create("juliet", JULIET, new Credentials(null, List.of(SCRAM))));
        verify(users).deleteUser(created);
    }

    @Test
    void anExistingAccountIsAnErrorThatSaysSo() throws Exception {
        when(users.createUser(anyString(), anyString(), any(), any())).thenThrow(UserAlreadyExistsException.class);
        AccountException e = assertThrows(AccountException.class, () -> accounts.create("juliet", JULIET, new Credentials("pw", List.of())));
        assertTrue(e.getMessage().contains("juliet@capulet.example exists already"), e.getMessage());
    }

    @Test
    void hashesAreAcceptedOnlyWhereOpenfireCanStoreThem() {
        assertTrue(accounts.accepts(SCRAM));
        assertFalse(accounts.accepts(new ScramCredentials("SCRAM-SHA-1", 4096, new byte[36], new byte[20], new byte[20])), "salt too long");
        assertFalse(accounts.accepts(new ScramCredentials("SCRAM-SHA-256", 4096, new byte[16], new byte[32], new byte[32])));
        auth.when(() -> AuthFactory.isProviderInstanceOf(DefaultAuthProvider.class)).thenReturn(false);
        assertFalse(accounts.accepts(SCRAM), "LDAP, JDBC and other providers keep their own credentials");
    }

    @Test
    void readsPlaintextAndScramFromTheAuthProvider() {
        Base64.Encoder b64 = Base64.getEncoder();
        auth.when(AuthFactory::supportsPasswordRetrieval).thenReturn(true);
        auth.when(() -> AuthFactory.getPassword("juliet")).thenReturn("wherefore");
        auth.when(AuthFactory::supportsScram).thenReturn(true);
        auth.when(() -> AuthFactory.getSalt("juliet")).thenReturn(b64.encodeToString(new byte[16]));
        auth.when(() -> AuthFactory.getStoredKey("juliet")).thenReturn(b64.encodeToString(new byte[20]));
        auth.when(() -> AuthFactory.getServerKey("juliet")).thenReturn(b64.encodeToString(new byte[20]));
        auth.when(() -> AuthFactory.getIterations("juliet")).thenReturn(4096);

        Credentials credentials = accounts.credentials("juliet");

        assertEquals("wherefore", credentials.password());
        assertEquals(List.of(SCRAM), credentials.scram());
    }

    @Test
    void hashedOnlyAccountsExportNoPlaintext() {
        auth.when(AuthFactory::supportsPasswordRetrieval).thenReturn(true);
        auth.when(() -> AuthFactory.getPassword("juliet")).thenThrow(UnsupportedOperationException.class);
        auth.when(AuthFactory::supportsScram).thenReturn(false);

        Credentials credentials = accounts.credentials("juliet");

        assertNull(credentials.password());
        assertTrue(credentials.isEmpty());
    }

    @Test
    void detailsComeFromTheUserWithEmptyNamesAsNone() throws Exception {
        User juliet = user("juliet", "", "", Map.of("lang", "it"));
        when(juliet.getCreationDate()).thenReturn(Date.from(Instant.parse("2020-01-02T03:04:05Z")));
        when(juliet.getModificationDate()).thenReturn(Date.from(Instant.parse("2021-01-02T03:04:05Z")));
        when(users.getUser("juliet")).thenReturn(juliet);
        when(users.getUser("romeo")).thenThrow(UserNotFoundException.class);

        AccountDetails details = accounts.details("juliet").orElseThrow();

        assertNull(details.name());
        assertNull(details.email());
        assertEquals(Instant.parse("2021-01-02T03:04:05Z"), details.modified());
        assertEquals(Map.of("lang", "it"), details.properties());
        assertTrue(accounts.exists("juliet"));
        assertFalse(accounts.exists("romeo"));
        assertTrue(accounts.details("romeo").isEmpty());
    }

    @Test
    void updatesOnlyWhatDiffers() throws Exception {
        Map<String, String> properties = new HashMap<>(Map.of("lang", "it"));
        User juliet = user("juliet", "Juliet Capulet", "old@capulet.example", properties);
        when(juliet.getCreationDate()).thenReturn(Date.from(Instant.parse("2020-01-02T03:04:05Z")));
        when(users.getUser("juliet")).thenReturn(juliet);

        accounts.updateDetails("juliet", new AccountDetails("Juliet Capulet", "juliet@capulet.example",
                Instant.parse("2020-01-02T03:04:05Z"), null, Map.of("lang", "it", "theme", "dark")));

        verify(juliet, never()).setName(any());
        verify(juliet).setEmail("juliet@capulet.example");
        verify(juliet, never()).setCreationDate(any());
        assertEquals(Map.of("lang", "it", "theme", "dark"), properties);
    }

    @Test
    void listsUsernamesSorted() {
        when(users.getUsernames()).thenReturn(List.of("romeo", "juliet", "nurse"));
        List<String> names = new java.util.ArrayList<>();
        accounts.usernames().forEachRemaining(names::add);
        assertEquals(List.of("juliet", "nurse", "romeo"), names);
    }
}
