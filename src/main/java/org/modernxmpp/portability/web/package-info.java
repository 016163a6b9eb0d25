/**
 * Admin-console pages (servlets listed in the plugin's web/WEB-INF/web.xml; Openfire's admin console authenticates
 * every request to them and checks the CSRF token of every POST) and, later, the self-service page. Pages only drive
 * the transfer engine over the ports; they never call Openfire's managers themselves.
 */
package org.modernxmpp.portability.web;
