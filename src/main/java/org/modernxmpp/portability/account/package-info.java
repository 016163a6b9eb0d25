/**
 * Ports: one small interface per data kind, reading and writing one user's data. The seam between the format and
 * a server: Openfire's adapters implement them on its managers; the tests use an in-memory implementation.
 */
package org.modernxmpp.portability.account;
