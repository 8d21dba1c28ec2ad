package io.scimflow.sink.ops;

import java.util.Map;

import io.scimflow.sink.ScimSink;
import io.scimflow.sink.config.SinkProperties;
import io.scimflow.sink.scim.ConnectionTester;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints: {@code POST /admin/pause}, {@code POST /admin/resume} (Entra's provisioning
 * on/off), {@code GET /admin/status}, {@code POST /admin/test-connection},
 * {@code POST /admin/probe-credentials}, {@code POST /admin/redrive}, and
 * {@code POST /admin/allow-deletes} / {@code POST /admin/discard-deletes} for deletions the
 * accidental-deletion threshold holds.
 */
@RestController
@RequestMapping("/admin")
class AdminController {

    private final ScimSink sink;
    private final KafkaProperties kafka;
    private final SinkProperties properties;

    AdminController(ScimSink sink, KafkaProperties kafka, SinkProperties properties) {
        this.sink = sink;
        this.kafka = kafka;
        this.properties = properties;
    }

    @PostMapping("/pause")
    ScimSink.Status pause() {
        sink.pause();
        return sink.status();
    }

    @PostMapping("/resume")
    ScimSink.Status resume() {
        sink.resume();
        return sink.status();
    }

    @PostMapping("/allow-deletes")
    ScimSink.Status allowDeletes() {
        sink.allowDeletes();
        return sink.status();
    }

    @PostMapping("/discard-deletes")
    ScimSink.Status discardDeletes() {
        sink.discardDeletes();
        return sink.status();
    }

    @GetMapping("/status")
    ScimSink.Status status() {
        return sink.status();
    }

    @PostMapping("/probe-credentials")
    ScimSink.Status probe() {
        sink.probeCredentials();
        return sink.status();
    }

    @PostMapping("/test-connection")
    ResponseEntity<Map<String, Object>> testConnection() {
        ConnectionTester.Result result = sink.testConnection();
        Map<String, Object> body = Map.of("ok", result.ok(), "problem", result.problem().name(), "message", result.message());
        return result.ok() ? ResponseEntity.ok(body) : ResponseEntity.status(502).body(body);
    }

    @PostMapping("/redrive")
    DeadLetterRedrive.Result redrive() {
        return DeadLetterRedrive.redrive(kafka.buildAdminProperties(), properties.getTopics().getDeadLetter(),
                properties.getTopics().getOperations());
    }
}
