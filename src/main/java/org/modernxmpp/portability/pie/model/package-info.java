/**
 * Immutable records for everything an XEP-0227 export holds for one user. Payloads the model does not
 * interpret are kept as {@link org.modernxmpp.portability.pie.model.XmlPayload} so nothing is ever dropped.
 */
package org.modernxmpp.portability.pie.model;
