package io.scimflow.producer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The producer's own defaults, added as the property source of <em>lowest</em> precedence
 * (below {@code SpringApplicationBuilder.properties(...)}, which are Spring's "default
 * properties"), so every setting a launcher, a file or the environment gives wins. Scoped to
 * this application context: other apps in the same JVM are not affected.
 */
final class ProducerDefaults implements BeanFactoryPostProcessor, EnvironmentAware {

    static final Map<String, Object> DEFAULTS;

    static {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.application.name", "directory-producer");
        defaults.put("server.address", "127.0.0.1");
        defaults.put("server.port", 8081);
        DEFAULTS = Map.copyOf(defaults);
    }

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!environment.getPropertySources().contains("directoryProducerDefaults")) {
            environment.getPropertySources().addLast(new MapPropertySource("directoryProducerDefaults", DEFAULTS));
        }
    }
}
