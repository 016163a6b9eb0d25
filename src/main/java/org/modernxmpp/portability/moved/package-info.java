/**
 * XEP-0283 (Moved), version 0.2.0, namespace {@code urn:xmpp:moved:1}: the statement an old account publishes that
 * names its new address. (Notifying contacts from the new account and handling notifications on a contact's server
 * come next.)
 */
package org.modernxmpp.portability.moved;
