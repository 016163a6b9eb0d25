/**
 * The command-line tool over export files, runnable without Openfire: inspect, validate, convert,
 * rename-host and diff. Exit codes are in {@link org.modernxmpp.portability.cli.ExitCodes}.
 */
package org.modernxmpp.portability.cli;
