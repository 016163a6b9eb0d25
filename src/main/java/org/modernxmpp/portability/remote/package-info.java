/**
 * An account on another server, reached as an ordinary XMPP client (Smack): found through DNS, over verified TLS,
 * logged in with its own password. {@link org.modernxmpp.portability.remote.AccountPull} reads it into the same
 * model and file the XEP-0227 reader produces, so the transfer engine imports it like any export.
 */
package org.modernxmpp.portability.remote;
