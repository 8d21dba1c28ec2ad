package io.scimflow.sink.support;

import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Integration tests of the sink against one local Miro server per class (reset before each
 * test) and a fresh {@link SinkHarness} per test on the shared in-process broker.
 */
public abstract class LocalMiroSinkTestBase {

    protected static LocalMiroScimServer server;
    protected SinkHarness harness;

    @BeforeAll
    static void startServer() {
        server = LocalMiroScimServer.start(MiroServerSettings.defaults());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        server.reset();
        harness = new SinkHarness();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    /** Starts the sink against the server with the harness's default settings. */
    protected void startSink() {
        harness.start(harness.properties(server.baseUrl(), server.settings().token()));
    }
}
