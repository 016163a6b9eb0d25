package org.modernxmpp.portability.pie.model;

import java.util.List;

/**
 * The user's privacy lists (XEP-0016).
 *
 * @param defaultList name of the default list, or null
 * @param activeList  name of the active list, or null
 */
public record PrivacyLists(String defaultList, String activeList, List<PrivacyList> lists) {
    public PrivacyLists {
        lists = List.copyOf(lists);
    }

    public record PrivacyList(String name, List<PrivacyRule> rules) {
        public PrivacyList {
            rules = List.copyOf(rules);
        }
    }

    /**
     * One rule of a list.
     *
     * @param type     jid, group or subscription; null for the fall-through rule
     * @param value    the JID, group name or subscription state; null with type null
     * @param stanzas  which of message, iq, presence-in, presence-out it applies to; empty means all
     */
    public record PrivacyRule(String type, String value, boolean allow, long order, List<String> stanzas) {
        public PrivacyRule {
            stanzas = List.copyOf(stanzas);
        }
    }
}
