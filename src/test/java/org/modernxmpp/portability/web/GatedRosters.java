package org.modernxmpp.portability.web;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.account.RosterPort;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.xmpp.packet.JID;

/**
 * A roster port that holds the first call (an export reads the first user's roster, an import writes the first
 * contact) until the test opens the gate, so a job is surely still running when a test cancels it. Every other call
 * goes straight to the ports underneath.
 */
final class GatedRosters implements RosterPort {
    private final RosterPort delegate;
    private final AtomicBoolean first = new AtomicBoolean(true);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    private final AccountPorts ports;

    /** Gates the roster port of {@code underneath}; {@link #ports()} are the ports to give the pages. */
    GatedRosters(AccountPorts underneath) {
        this.delegate = underneath.rosters();
        this.ports = new AccountPorts(underneath.accounts(), this, underneath.vCards(), underneath.privateXml(),
                underneath.offlineMessages(), underneath.pep(), underneath.privacy(), underneath.archive());
    }

    AccountPorts ports() {
        return ports;
    }

    /** Waits until the job is held at the gate. */
    boolean awaitHeld() throws InterruptedException {
        return entered.await(30, TimeUnit.SECONDS);
    }

    void open() {
        open.countDown();
    }

    private void hold() {
        if (first.compareAndSet(true, false)) {
            entered.countDown();
            try {
                // bounded, so a failing test cannot leave the job thread waiting for ever
                open.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public List<RosterItem> items(String username) throws AccountException {
        hold();
        return delegate.items(username);
    }

    @Override
    public void put(String username, RosterItem item) throws AccountException {
        hold();
        delegate.put(username, item);
    }

    @Override
    public void remove(String username, JID contact) throws AccountException {
        delegate.remove(username, contact);
    }

    @Override
    public List<SubscriptionRequest> pendingSubscriptions(String username) throws AccountException {
        return delegate.pendingSubscriptions(username);
    }

    @Override
    public void addPendingSubscription(String username, SubscriptionRequest request) throws AccountException {
        delegate.addPendingSubscription(username, request);
    }
}
