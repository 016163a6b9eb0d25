/**
 * Export and import jobs: user-by-user streaming between the ports and the format, with per-kind policies,
 * dry run, host rewrite, progress, cancellation and a structured report.
 */
package org.modernxmpp.portability.transfer;
