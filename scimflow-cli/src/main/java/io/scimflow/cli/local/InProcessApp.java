package io.scimflow.cli.local;

import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** An app started as a Spring application context inside this JVM. */
final class InProcessApp implements RunningApp {

    private final String name;
    private final ConfigurableApplicationContext context;

    private InProcessApp(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    static InProcessApp start(PipelineApp app, String name, Map<String, String> properties) {
        Class<?> main;
        try {
            main = Class.forName(app.mainClass());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(app.appName() + " is not on the classpath (" + app.mainClass() + ")", e);
        }
        Map<String, Object> props = new java.util.HashMap<>(properties);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(main)
                .properties(props)
                .logStartupInfo(false)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .registerShutdownHook(false)
                .run();
        return new InProcessApp(name, context);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public void kill() {
        context.close();
    }
}
