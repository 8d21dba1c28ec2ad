package io.scimflow.sink;

import io.scimflow.sink.scim.ScimHttpClient;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The scim-sink app: applies provisioning operations to a SCIM 2.0 target. Start it with
 * {@link #main} or, embedded, with
 * {@code new SpringApplicationBuilder(ScimSinkApplication.class).properties(...).run()} (the
 * module has no {@code application.properties}, so such properties are not overridden; only
 * {@link #main} adds the stand-alone defaults below).
 */
@SpringBootApplication
public class ScimSinkApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(ScimSinkApplication.class)
                .properties("spring.application.name=scim-sink", "server.port=8083",
                        "management.endpoints.web.exposure.include=health,info,metrics,prometheus")
                // Apache HttpClient logs request headers (the bearer token) and raw bytes at DEBUG: never.
                .properties(ScimHttpClient.SECRET_BEARING_LOGGERS.stream().map(l -> "logging.level." + l + "=WARN")
                        .toArray(String[]::new))
                .run(args);
    }
}
