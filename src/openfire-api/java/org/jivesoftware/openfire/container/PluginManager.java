package org.jivesoftware.openfire.container;

/* Compile-only mirror of Openfire 5.1.1: only used as a parameter type so far, so no members are declared. */
public class PluginManager {
}
