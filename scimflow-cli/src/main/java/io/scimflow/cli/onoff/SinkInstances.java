package io.scimflow.cli.onoff;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sink instances behind the URLs an operator gives. A name that resolves to several
 * addresses (a docker compose service scaled to three sinks, a headless Kubernetes service)
 * stands for every instance behind it; a loopback name stays one instance (localhost has an
 * IPv4 and an IPv6 address for the same process).
 */
final class SinkInstances {

    private SinkInstances() {
    }

    /** Every instance's base URL (scheme, address, port), in a stable order, without duplicates. */
    static List<URI> expand(List<URI> urls, boolean resolveAll) {
        Set<URI> instances = new LinkedHashSet<>();
        for (URI url : urls) {
            instances.addAll(resolveAll ? resolve(url) : List.of(base(url, url.getHost())));
        }
        return new ArrayList<>(instances);
    }

    private static List<URI> resolve(URI url) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + url.getHost() + " in --sink-url " + url);
        }
        if (addresses.length <= 1 || Arrays.stream(addresses).anyMatch(InetAddress::isLoopbackAddress)) {
            return List.of(base(url, url.getHost()));
        }
        List<URI> all = new ArrayList<>();
        Arrays.stream(addresses).map(InetAddress::getHostAddress).sorted()
                .forEach(address -> all.add(base(url, address.contains(":") ? "[" + address + "]" : address)));
        return all;
    }

    private static URI base(URI url, String host) {
        int port = url.getPort();
        return URI.create(url.getScheme() + "://" + host + (port > 0 ? ":" + port : ""));
    }
}
