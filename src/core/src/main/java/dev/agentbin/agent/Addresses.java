package dev.agentbin.agent;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Rules for an addresses array in a body. */
final class Addresses {

    static final int MAX = 32;
    static final String MESSAGE = "addresses holds at most 32 entries, none null and no address twice";

    private Addresses() {}

    static boolean valid(List<Address> addresses) {
        if (addresses == null) {
            return true;
        }
        if (addresses.size() > MAX || addresses.stream().anyMatch(Objects::isNull)) {
            return false;
        }
        var keys = new HashSet<String>();
        return addresses.stream()
                .filter(a -> a.type() != null && a.target() != null)
                .allMatch(a -> keys.add(a.ownerKey()));
    }

    static List<Address> orEmpty(List<Address> addresses) {
        return addresses == null ? List.of() : addresses;
    }
}
