package io.scimflow.sink.target;

/**
 * The parts of a target's {@code /ServiceProviderConfig} the sink uses.
 *
 * @param patchSupported {@code patch.supported}
 * @param filterSupported {@code filter.supported}
 * @param maxResults {@code filter.maxResults}, 0 when absent
 */
public record ServiceProviderInfo(boolean patchSupported, boolean filterSupported, int maxResults) {

    /** What the sink assumes when a server does not publish its configuration. */
    public static ServiceProviderInfo assumed() {
        return new ServiceProviderInfo(true, true, 0);
    }
}
