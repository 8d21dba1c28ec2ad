package io.scimflow.cli.local;

/** The three apps of the pipeline, by the class that starts each. */
public enum PipelineApp {

    DIRECTORY_PRODUCER("directory-producer", "io.scimflow.producer.DirectoryProducerApplication"),
    PROVISIONING_WORKER("provisioning-worker", "io.scimflow.worker.ProvisioningWorkerApplication"),
    SCIM_SINK("scim-sink", "io.scimflow.sink.ScimSinkApplication");

    private final String appName;
    private final String mainClass;

    PipelineApp(String appName, String mainClass) {
        this.appName = appName;
        this.mainClass = mainClass;
    }

    public String appName() {
        return appName;
    }

    public String mainClass() {
        return mainClass;
    }
}
