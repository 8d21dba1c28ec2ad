package io.scimflow.producer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DirectoryProducerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DirectoryProducerApplication.class, args);
    }
}
