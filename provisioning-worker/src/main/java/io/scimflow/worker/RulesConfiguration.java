package io.scimflow.worker;

import java.security.SecureRandom;
import java.time.Clock;

import io.scimflow.rules.config.AppConfig;
import io.scimflow.rules.config.AppConfigLoader;
import io.scimflow.rules.decision.ProvisioningRules;
import io.scimflow.rules.preview.PreviewService;
import io.scimflow.worker.translate.DirectoryTranslator;
import io.scimflow.worker.translate.OperationFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rules, loaded and validated at start-up: a bad app configuration stops the worker
 * with every problem listed (file, line, key, what is wrong).
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

	@Bean
	AppConfig appConfig(WorkerProperties properties) {
		AppConfig config = new AppConfigLoader().loadLocation(properties.appConfig());
		log.info("Loaded app configuration {} (target {}, {} user mappings, {} group mappings)", config.source(),
				config.targetProfile(), config.users().mappings().size(), config.groups().mappings().size());
		return config;
	}

	@Bean
	ProvisioningRules provisioningRules(AppConfig config) {
		return new ProvisioningRules(config, Clock.systemUTC(), new SecureRandom());
	}

	@Bean
	DirectoryTranslator directoryTranslator(ProvisioningRules rules) {
		return new DirectoryTranslator(rules, new OperationFactory(Clock.systemUTC()));
	}

	@Bean
	PreviewService previewService(ProvisioningRules rules) {
		return new PreviewService(rules);
	}

}
