package org.jivesoftware.openfire.interceptor;

/** Compile-only mirror of Openfire 5.1.1's InterceptorManager; the real class is provided at run time. */
public class InterceptorManager {
    private InterceptorManager() {
        throw new UnsupportedOperationException();
    }

    public static InterceptorManager getInstance() {
        throw new UnsupportedOperationException();
    }

    public void addInterceptor(PacketInterceptor interceptor) {
        throw new UnsupportedOperationException();
    }

    public boolean removeInterceptor(PacketInterceptor interceptor) {
        throw new UnsupportedOperationException();
    }
}
