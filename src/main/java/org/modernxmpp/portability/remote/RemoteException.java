package org.modernxmpp.portability.remote;

/** A remote account could not be reached or read; the message is meant for the person moving, as it is. */
public final class RemoteException extends Exception {
    private final RemoteProblem problem;

    public RemoteException(RemoteProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public RemoteException(RemoteProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public RemoteProblem problem() {
        return problem;
    }
}
