package io.scimflow.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The provisioning worker: directory events in, provisioning operations out. Start it
 * with {@code main}, or in another JVM's context with
 * {@code new SpringApplicationBuilder(ProvisioningWorkerApplication.class).properties(...).run()}
 * (then the HTTP port is Boot's default, 8080, unless {@code server.port} is given; {@code main}
 * defaults it to 8090).
 */
@SpringBootApplication
@EnableConfigurationProperties(WorkerProperties.class)
public class ProvisioningWorkerApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ProvisioningWorkerApplication.class);
		application.setDefaultProperties(java.util.Map.of("server.port", "8090"));
		application.run(args);
	}

}
