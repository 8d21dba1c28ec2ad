package io.scimflow.sink.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimflow.sink.quarantine.QuarantineController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

/**
 * Entra's "notification email": one email (and optionally one webhook POST) when the sink
 * quarantines on rejected credentials, and one when failures pass the configured rate. Callers
 * guarantee one call per incident. Thread-safe.
 */
public final class FailureNotifier implements QuarantineController.Listener {

    private static final Logger log = LoggerFactory.getLogger(FailureNotifier.class);

    private final MailSender mail;
    private final String to;
    private final String from;
    private final URI webhook;
    private final String target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param mail null when no mail server is configured
     * @param to recipient, null or blank for no email
     * @param webhook null for no webhook
     * @param target the target's base URL, named in the message
     */
    public FailureNotifier(MailSender mail, String to, String from, URI webhook, String target) {
        this.mail = mail;
        this.to = to;
        this.from = from;
        this.webhook = webhook;
        this.target = target;
    }

    @Override
    public void quarantined(String reason) {
        send("quarantine", "[scimflow] Provisioning to " + target + " is quarantined: credentials rejected",
                "The scim-sink stopped applying provisioning operations because the SCIM target rejected its credentials:\n\n  "
                        + reason + "\n\nNo operation is lost: consumption is paused and resumes by itself once the token works "
                        + "again (the sink re-reads the token file or variable on every probe).\nFix: generate a new SCIM token "
                        + "in the target's admin settings and put it where the sink reads it.\n\nTime: " + Instant.now());
    }

    @Override
    public void recovered(String reason) {
        log.info("Quarantine over (was: {}); no notification sent for the recovery", reason);
    }

    /** The accidental-deletion threshold holds provisioning until an operator decides. */
    public void deletionsHeld(String reason) {
        send("deletions-held", "[scimflow] Provisioning to " + target + " is held: too many deletions",
                "The scim-sink stopped applying provisioning operations: " + reason + ".\n\nNo operation is lost: "
                        + "consumption is paused and nothing more is sent until an operator decides.\n"
                        + "Intended (for example a department left the app): POST /admin/allow-deletes on the sink.\n"
                        + "Not intended (for example a group was unassigned by mistake): fix the assignment or the scope in the "
                        + "directory first, then POST /admin/discard-deletes; the held disables and deletes are skipped and "
                        + "logged SKIPPED.\n\nTime: " + Instant.now());
    }

    /** Failures passed the configured rate. */
    public void failureRate(int failures) {
        send("failure-rate", "[scimflow] Provisioning to " + target + ": " + failures + " failed operations",
                failures + " provisioning operations failed within the alert window. They are parked on the dead-letter topic "
                        + "with their reason and listed as FAILURE in the provisioning log; redrive them once the cause is fixed."
                        + "\n\nTime: " + Instant.now());
    }

    private void send(String kind, String subject, String text) {
        if (mail != null && to != null && !to.isBlank()) {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setTo(to);
                message.setFrom(from);
                message.setSubject(subject);
                message.setText(text);
                mail.send(message);
                log.info("Notification '{}' emailed to {}", kind, to);
            } catch (RuntimeException e) {
                log.warn("Could not email the '{}' notification to {}: {}", kind, to, e.toString());
            }
        }
        if (webhook != null) {
            try {
                ObjectNode body = json.createObjectNode().put("kind", kind).put("subject", subject).put("text", text)
                        .put("target", target).put("time", Instant.now().toString());
                HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                log.info("Notification '{}' posted to the webhook (HTTP {})", kind, status);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.warn("Could not post the '{}' notification to the webhook: {}", kind, e.toString());
            }
        }
    }
}
