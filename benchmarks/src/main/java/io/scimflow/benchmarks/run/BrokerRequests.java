package io.scimflow.benchmarks.run;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Requests the in-process broker has handled so far, per request type (Produce, Fetch,
 * OffsetCommit, …), read from its request metrics in this JVM's MBean server. The broker's
 * request handlers are a large share of a sync's CPU on a small machine; these counts show which
 * client sends how many requests per user.
 */
final class BrokerRequests {

    private static final String PATTERN = "kafka.network:type=RequestMetrics,name=RequestsPerSec,*";

    private BrokerRequests() {
    }

    /** Counts per request type (all API versions summed); empty when the broker publishes no such metrics. */
    static Map<String, Long> counts() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Long> counts = new HashMap<>();
        try {
            for (ObjectName name : server.queryNames(new ObjectName(PATTERN), null)) {
                String request = name.getKeyProperty("request");
                Object count = server.getAttribute(name, "Count");
                if (request != null && count instanceof Number number) {
                    counts.merge(request, number.longValue(), Long::sum);
                }
            }
        } catch (JMException e) {
            return Map.of();
        }
        return counts;
    }

    /** {@code after - before} per request type, leaving out types that did not change. */
    static Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> delta = new TreeMap<>();
        counts().forEach((request, count) -> {
            long d = count - before.getOrDefault(request, 0L);
            if (d > 0) {
                delta.put(request, d);
            }
        });
        return delta;
    }
}
