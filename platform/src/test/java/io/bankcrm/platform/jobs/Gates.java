package io.bankcrm.platform.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/** Latches the test jobs wait at, opened by the tests, keyed by whatever the test chose (a job id, a row code). */
public final class Gates {

    private static final Map<Object, CountDownLatch> GATES = new ConcurrentHashMap<>();
    private static final Map<Object, CountDownLatch> ARRIVED = new ConcurrentHashMap<>();

    private Gates() {
    }

    /** Makes {@link #pass} wait at {@code key} until {@link #open}. */
    public static void close(Object key) {
        ARRIVED.put(key, new CountDownLatch(1));
        GATES.put(key, new CountDownLatch(1));
    }

    /** Waits until something reached the closed gate at {@code key}. */
    public static void awaitArrival(Object key) throws InterruptedException {
        CountDownLatch arrived = ARRIVED.get(key);
        if (arrived != null && !arrived.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("nothing reached the gate " + key);
        }
    }

    public static void open(Object key) {
        CountDownLatch gate = GATES.remove(key);
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Waits while the gate at {@code key} is closed; returns at once when there is none. */
    public static void pass(Object key) throws InterruptedException {
        CountDownLatch gate = GATES.get(key);
        if (gate != null) {
            CountDownLatch arrived = ARRIVED.get(key);
            if (arrived != null) {
                arrived.countDown();
            }
            gate.await();
        }
    }
}
