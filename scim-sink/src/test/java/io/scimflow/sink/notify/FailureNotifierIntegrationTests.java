package io.scimflow.sink.notify;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** The failure-rate alert over a real SMTP server and a real webhook receiver. */
class FailureNotifierIntegrationTests {

    @Test
    void failuresPastTheRateSendOneEmailAndOneWebhookPerIncident() throws Exception {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> posted = new CopyOnWriteArrayList<>();
        webhook.createContext("/hook", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(mail.getSmtp().getPort());
            FailureNotifier notifier = new FailureNotifier(sender, "ops@corp.com", "scimflow@localhost",
                    URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"), "https://miro.com/api/v1/scim");
            FailureRateMonitor monitor = new FailureRateMonitor(3, Duration.ofMinutes(10), Clock.systemUTC(), notifier::failureRate);
            for (int i = 0; i < 10; i++) {
                monitor.record(true);
            }
            assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
            assertThat(mail.getReceivedMessages()).singleElement().satisfies(m -> {
                assertThat(m.getSubject()).isEqualTo("[scimflow] Provisioning to https://miro.com/api/v1/scim: 3 failed operations");
                assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ops@corp.com");
            });
            assertThat(posted).singleElement().asString().contains("\"kind\":\"failure-rate\"");
        } finally {
            webhook.stop(0);
            mail.stop();
        }
    }
}
