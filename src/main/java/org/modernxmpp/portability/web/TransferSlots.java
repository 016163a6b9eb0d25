package org.modernxmpp.portability.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The places for moves that connect to other servers: one per account at a time, a few per IP address and a number
 * for the whole server (the settings say how many), so nobody can make this server open connections without bound.
 */
final class TransferSlots {
    enum Refusal { ACCOUNT_BUSY, ADDRESS_BUSY, SERVER_BUSY }

    /** A place taken; closing it frees it (twice is harmless). */
    final class Slot implements AutoCloseable {
        private final String account;
        private final String address;
        private boolean open = true;

        private Slot(String account, String address) {
            this.account = account;
            this.address = address;
        }

        @Override
        public void close() {
            synchronized (TransferSlots.this) {
                if (open) {
                    open = false;
                    accounts.remove(account);
                    addresses.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
                    total--;
                }
            }
        }
    }

    /** Thrown when there is no place; says which limit stopped it. */
    static final class NoSlot extends Exception {
        final Refusal refusal;

        NoSlot(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }
    }

    private final IntSupplier maxTotal;
    private final IntSupplier maxPerAddress;
    private final Set<String> accounts = new HashSet<>();
    private final Map<String, Integer> addresses = new HashMap<>();
    private int total;

    TransferSlots(IntSupplier maxTotal, IntSupplier maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    synchronized Slot take(String account, String address) throws NoSlot {
        if (accounts.contains(account)) {
            throw new NoSlot(Refusal.ACCOUNT_BUSY);
        }
        if (addresses.getOrDefault(address, 0) >= maxPerAddress.getAsInt()) {
            throw new NoSlot(Refusal.ADDRESS_BUSY);
        }
        if (total >= maxTotal.getAsInt()) {
            throw new NoSlot(Refusal.SERVER_BUSY);
        }
        accounts.add(account);
        addresses.merge(address, 1, Integer::sum);
        total++;
        return new Slot(account, address);
    }
}
