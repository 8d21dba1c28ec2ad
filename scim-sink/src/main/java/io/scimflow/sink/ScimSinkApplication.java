package io.scimflow.sink;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The scim-sink app: applies provisioning operations to a SCIM 2.0 target. Start it with
 * {@link #main} or, embedded, with
 * {@code new SpringApplicationBuilder(ScimSinkApplication.class).properties(...).run()}.
 */
@SpringBootApplication
public class ScimSinkApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScimSinkApplication.class, args);
    }
}
