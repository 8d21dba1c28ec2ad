package io.scimflow.sink.scim;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the HTTP requests sent for one operation (retries included). Thread-safe. */
public final class RequestTally {

    private final AtomicInteger count = new AtomicInteger();

    public void increment() {
        count.incrementAndGet();
    }

    public int count() {
        return count.get();
    }
}
