package io.scimflow.benchmarks.sink;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimflow.benchmarks.run.ProcessCpu;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.sink.ratelimit.RateBudget;
import io.scimflow.sink.ratelimit.RateBudgetSettings;
import io.scimflow.sink.ratelimit.RetryPolicy;
import io.scimflow.sink.scim.RequestTally;
import io.scimflow.sink.scim.ScimCallListener;
import io.scimflow.sink.scim.ScimHttpClient;
import io.scimflow.sink.scim.ScimResponse;
import io.scimflow.sink.scim.TokenSource;

/**
 * Measures the sink's SCIM client alone: {@code POST /Users} through {@link ScimHttpClient}
 * (as the sink sends a create: a Jackson tree written, the answer parsed into a tree) on a
 * number of threads, against the local Miro-compatible server on 127.0.0.1 in this JVM.
 * Prints, per round, the CPU the sending threads used per request (their own thread CPU time,
 * so the server's work in this JVM is not counted), requests per second and the process CPU.
 * Not a test: run it by hand with the sink's JVM flags (scim-sink/README.md, "HTTP client").
 *
 * <p>Arguments: {@code [requests [threads [rounds]]]}, default {@code 20000 16 5}.
 */
public final class ScimClientCost {

    private static final String TOKEN = "client-cost-token";

    private ScimClientCost() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        MiroServerSettings settings = MiroServerSettings.builder().port(0).token(TOKEN).rateLimitsEnabled(false)
                .journalEnabled(false).threads(Math.max(64, threads * 2)).build();
        try (LocalMiroScimServer server = LocalMiroScimServer.start(settings);
                ScimHttpClient client = new ScimHttpClient(URI.create(server.baseUrl()), TokenSource.literal(TOKEN),
                        Duration.ofSeconds(5), Duration.ofSeconds(30), threads, new RateBudget(RateBudgetSettings.disabled()),
                        RetryPolicy.defaults(), ScimCallListener.NONE)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            System.out.printf(Locale.ROOT, "%d POST /Users per round on %d threads, %s%n", requests, threads, server.baseUrl());
            System.out.println("round  elapsed_ms  requests_per_s  client_cpu_us_per_request  process_cpu_us_per_request");
            for (int round = 1; round <= rounds; round++) {
                Round measured = round(client, pool, threads, requests, round);
                System.out.printf(Locale.ROOT, "%5d  %10.0f  %14.0f  %25.1f  %26.1f%n", round, measured.elapsedNanos() / 1e6,
                        requests / (measured.elapsedNanos() / 1e9), measured.clientCpuNanos() / 1e3 / requests,
                        measured.processCpuNanos() / 1e3 / requests);
            }
            pool.shutdownNow();
        }
    }

    /** One round: wall time, CPU time of the sending threads, CPU time of the whole process. */
    record Round(long elapsedNanos, long clientCpuNanos, long processCpuNanos) {
    }

    /**
     * Creates {@code requests} users named {@code cost-<round>-<i>@example.com} through {@code client}
     * on {@code threads} threads of {@code pool}; fails when an answer has no id.
     */
    static Round round(ScimHttpClient client, ExecutorService pool, int threads, int requests, int round) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ObjectMapper json = client.json();
        AtomicInteger next = new AtomicInteger();
        long processBefore = ProcessCpu.nanos();
        long started = System.nanoTime();
        List<Future<Long>> sent = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sent.add(pool.submit(() -> {
                long before = cpu.getCurrentThreadCpuTime();
                RequestTally tally = new RequestTally();
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    ScimResponse response = client.send("POST", "/Users", user(json, round, i), tally);
                    if (response.body() == null || !response.body().hasNonNull("id")) {
                        throw new IllegalStateException("POST /Users answered " + response.status() + " without an id");
                    }
                }
                return cpu.getCurrentThreadCpuTime() - before;
            }));
        }
        long clientCpu = 0;
        for (Future<Long> one : sent) {
            clientCpu += one.get();
        }
        return new Round(System.nanoTime() - started, clientCpu, ProcessCpu.nanos() - processBefore);
    }

    /** A create body shaped like the sink's for a Miro user. */
    private static ObjectNode user(ObjectMapper json, int round, int i) {
        String userName = "cost-" + round + "-" + i + "@example.com";
        ObjectNode user = json.createObjectNode();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        user.put("userName", userName);
        user.put("displayName", "User " + i);
        ObjectNode name = user.putObject("name");
        name.put("givenName", "User");
        name.put("familyName", String.valueOf(i));
        user.put("active", true);
        ObjectNode email = user.putArray("emails").addObject();
        email.put("value", userName);
        email.put("type", "work");
        email.put("primary", true);
        return user;
    }
}
