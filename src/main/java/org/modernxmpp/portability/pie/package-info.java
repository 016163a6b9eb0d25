/**
 * The XEP-0227 (Portable Import/Export Format) layer: a streaming reader and writer over the model in
 * {@code pie.model}, dialect normalisation (Prosody, ejabberd, the pre-1.0 namespace), XInclude and hardened parsing.
 */
package org.modernxmpp.portability.pie;
