package io.scimflow.benchmarks.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.miroserver.UserSnapshot;

/**
 * The baseline: the same users sent straight to a fresh local server by a plain loop of
 * {@code POST /Users} ({@code java.net.http}, HTTP/1.1, one request after the other on
 * {@code threads} threads; 1 = the plain sequential loop). No Kafka, no rules, no lookups:
 * the fastest a client can create those users in that server.
 */
public final class DirectPostLoop {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DirectPostLoop() {
    }

    /** @return seconds from the first request to the last answer */
    public static double run(MiroServerSettings settings, List<String> teams, List<UserSnapshot> users, int threads) {
        return postAll(settings, teams, users.stream().map(DirectPostLoop::createBody).toList(), threads);
    }

    /** POSTs every body to a fresh server on {@code threads} threads; seconds from the first request to the last answer. */
    private static double postAll(MiroServerSettings settings, List<String> teams, List<String> bodies, int threads) {
        try (LocalMiroScimServer server = LocalMiroScimServer.start(settings.toBuilder().port(0).build())) {
            teams.forEach(server::seedTeam);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create(server.baseUrl() + "/Users");
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger resent = new AtomicInteger();
            AtomicReference<String> problem = new AtomicReference<>();
            Runnable loop = () -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    int status = post(http, uri, settings.token(), bodies.get(i), problem);
                    if (status == NO_ANSWER) {
                        // The connection broke before the answer (once in 100,000 requests): send it again, as
                        // any client would. A 409 then means the first attempt had created the user.
                        resent.incrementAndGet();
                        status = post(http, uri, settings.token(), bodies.get(i), problem);
                        status = status == 409 ? 201 : status;
                    }
                    if (status != 201) {
                        failed.incrementAndGet();
                        problem.compareAndSet(null, "HTTP " + status);
                    }
                }
            };
            long started = System.nanoTime();
            if (threads <= 1) {
                loop.run();
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                try {
                    List<Future<?>> running = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        running.add(pool.submit(loop));
                    }
                    for (Future<?> f : running) {
                        f.get();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("The direct loop failed: " + e.getMessage(), e);
                } finally {
                    pool.shutdownNow();
                }
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (failed.get() > 0 || server.users().size() != bodies.size()) {
                throw new IllegalStateException("The direct loop created " + server.users().size() + " of " + bodies.size()
                        + " users (" + failed.get() + " requests failed; " + problem.get() + ")");
            }
            if (resent.get() > 0) {
                System.out.printf(java.util.Locale.ROOT, "direct loop: %d request(s) got no answer and were sent again (%s)%n", resent.get(),
                        problem.get());
            }
            return elapsed;
        }
    }

    /** POSTs per round of {@link #warmUp}. */
    public static final int WARM_UP_ROUND = 2500;

    /** A round this much faster than the best before it means the code is still warming. */
    static final double STEADY = 1.05;

    /** Rounds in a row that must bring no new best before the warm-up ends (one slow round is not a plateau). */
    static final int PATIENCE = 3;

    /**
     * Warms this JVM's SCIM server code (and the loop's client) up: rounds of
     * {@value #WARM_UP_ROUND} POSTs of synthetic users, one after the other, to a scratch server
     * with the same settings, at least {@code minimum} POSTs and then until {@value #PATIENCE}
     * rounds in a row were not {@value #STEADY} times faster than the best round before them (the
     * JIT has compiled what it will), at most {@code 6 × minimum}. The target of a real sync is a
     * long-running, warm service, and so is the target of the direct baseline, which runs after
     * the pipeline.
     *
     * @return the users per second of each round
     */
    public static List<Double> warmUp(MiroServerSettings settings, int minimum) {
        List<Double> rates = new ArrayList<>();
        int sent = 0;
        while (sent < 6L * minimum) {
            List<String> bodies = syntheticBodies(sent, WARM_UP_ROUND);
            rates.add(bodies.size() / postAll(settings, List.of(), bodies, 1));
            sent += bodies.size();
            if (sent >= minimum && steady(rates)) {
                break;
            }
        }
        return rates;
    }

    /** True when none of the last {@value #PATIENCE} rounds was {@value #STEADY} times faster than the best round before it. */
    static boolean steady(List<Double> rates) {
        if (rates.size() <= PATIENCE) {
            return false;
        }
        double best = 0;
        for (int i = 0; i < rates.size(); i++) {
            if (i >= rates.size() - PATIENCE && rates.get(i) >= best * STEADY) {
                return false;
            }
            best = Math.max(best, rates.get(i));
        }
        return true;
    }

    private static List<String> syntheticBodies(int first, int count) {
        List<String> bodies = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"));
            body.put("userName", "warm-up-" + i + "@example.com");
            body.put("name", Map.of("givenName", "Warm", "familyName", "Up " + i));
            body.put("displayName", "Warm Up " + i);
            body.put("emails", List.of(Map.of("value", "warm-up-" + i + "@example.com", "type", "work", "primary", true)));
            body.put("active", true);
            try {
                bodies.add(JSON.writeValueAsString(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a warm-up body", e);
            }
        }
        return bodies;
    }

    /** The user as the target holds it, without what the server assigns (id, meta) or derives (groups). */
    static String createBody(UserSnapshot user) {
        Map<String, Object> body = new LinkedHashMap<>(user.attributes());
        body.remove("id");
        body.remove("meta");
        body.remove("groups");
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the body of " + user.userName(), e);
        }
    }

    /** What {@link #post} returns when the request got no answer. */
    static final int NO_ANSWER = -1;

    /** @return the answer's status, or {@link #NO_ANSWER} (the reason goes to {@code problem} if it is still empty) */
    private static int post(HttpClient http, URI uri, String token, String body, AtomicReference<String> problem) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            problem.compareAndSet(null, e.toString());
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
