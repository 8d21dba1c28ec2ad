package io.scimflow.sink.quarantine;

/**
 * Whether operations may be applied: closed while an operator paused provisioning (Entra's
 * provisioning "off"), while the sink is quarantined on rejected credentials, or while the
 * {@link DeletionGuard} holds deletions until an operator decides. Workers wait at
 * the gate; the consumer pauses its partitions while it is closed, so nothing is lost and no
 * offset moves. Thread-safe.
 */
public final class ConsumptionGate {

    private boolean paused;
    private String quarantineReason;
    private String heldReason;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** @return true when this call started the quarantine (false when already quarantined) */
    public synchronized boolean quarantine(String reason) {
        boolean started = quarantineReason == null;
        quarantineReason = reason;
        return started;
    }

    public synchronized void lift() {
        quarantineReason = null;
        notifyAll();
    }

    /** @return true when this call started holding (false when already held) */
    public synchronized boolean hold(String reason) {
        boolean started = heldReason == null;
        heldReason = reason;
        return started;
    }

    public synchronized void release() {
        heldReason = null;
        notifyAll();
    }

    public synchronized boolean isHeld() {
        return heldReason != null;
    }

    public synchronized String heldReason() {
        return heldReason;
    }

    public synchronized boolean isOpen() {
        return !paused && quarantineReason == null && heldReason == null;
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isQuarantined() {
        return quarantineReason != null;
    }

    public synchronized String quarantineReason() {
        return quarantineReason;
    }

    /** Blocks until the gate is open. */
    public synchronized void awaitOpen() throws InterruptedException {
        while (paused || quarantineReason != null || heldReason != null) {
            wait(1000);
        }
    }
}
