package io.scimflow.producer;

import java.nio.file.Path;

import io.scimflow.producer.local.SyntheticDirectory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * The directory producer. Start it with {@code main} or, embedded, with
 * {@code new SpringApplicationBuilder(DirectoryProducerApplication.class).properties(...).run()};
 * its defaults (loopback address, port 8081, actuator exposure) sit in a property source
 * of lowest precedence ({@link ProducerDefaults}), so every setting given by the launcher wins.
 *
 * <p>{@code --generate-directory=<file> [--users=N] [--groups=G] [--seed=S]} writes a synthetic
 * directory in the local YAML format and exits without starting the app.
 */
@SpringBootApplication
@PropertySource("classpath:io/scimflow/producer/actuator-defaults.properties")
public class DirectoryProducerApplication {

    @Bean
    static ProducerDefaults directoryProducerDefaults() {
        return new ProducerDefaults();
    }

    public static void main(String[] args) {
        if (generate(args)) {
            return;
        }
        SpringApplication.run(DirectoryProducerApplication.class, args);
    }

    private static boolean generate(String[] args) {
        String file = option(args, "generate-directory", null);
        if (file == null) {
            return false;
        }
        int users = Integer.parseInt(option(args, "users", "1000"));
        int groups = Integer.parseInt(option(args, "groups", "20"));
        long seed = Long.parseLong(option(args, "seed", "1"));
        long start = System.nanoTime();
        SyntheticDirectory.write(Path.of(file), users, groups, seed);
        System.out.printf("Wrote a synthetic directory of %d users and %d groups (seed %d) to %s in %d ms%n",
                users, groups, seed, file, (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
