package io.scimflow.producer.publish;

/** What one publish round sent: records per topic (tombstones counted apart) and the snapshot's size. */
public record PublishResult(int users, int groups, int memberships, int tombstones, int directoryObjects, long millis) {

    public int records() {
        return users + groups + memberships + tombstones;
    }

    public boolean nothing() {
        return records() == 0;
    }

    @Override
    public String toString() {
        return records() + " records (" + users + " users, " + groups + " groups, " + memberships + " memberships, "
                + tombstones + " tombstones) for a directory of " + directoryObjects + " objects in " + millis + " ms";
    }
}
