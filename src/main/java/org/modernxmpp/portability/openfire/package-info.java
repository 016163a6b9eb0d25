/**
 * Adapters that implement the ports on Openfire 5.1's own managers (UserManager, RosterManager, VCardManager,
 * PrivateStorage, OfflineMessageStore, the PEP service, PrivacyListManager), so caches, roster pushes, clustering and
 * event listeners stay right. The one place Openfire has no call for what is needed, storing SCRAM hashes as they
 * are, is {@link org.modernxmpp.portability.openfire.ScramHashStore}, the only SQL in the plugin.
 */
package org.modernxmpp.portability.openfire;
