package io.scimflow.cli.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.miroserver.MiroServerSettings;

/**
 * How to run the whole pipeline on this machine.
 *
 * @param dataDir where the broker, the producer and the logs keep their files; null for a temporary directory
 * @param directoryFile the local directory YAML; null for {@code <dataDir>/directory.yaml}, created from the sample
 * @param workers provisioning-worker instances
 * @param sinks scim-sink instances
 * @param childProcesses run the apps in their own JVMs (for crash tests and per-app CPU and memory) instead of in this one
 * @param miro the local Miro-compatible SCIM server's settings
 * @param teams teams that exist in "Miro" before the first sync; null for one per group of the directory file
 * @param producerApiPort port of the local directory's HTTP API (0 = any free port)
 * @param registryPort port of the local schema registry (0 = any free port)
 * @param workerPreviewPort port of the first worker's preview endpoint (0 = any free port)
 * @param producerProperties, workerProperties, sinkProperties further settings per app
 */
public record LocalPipelineSettings(
        Path dataDir, Path directoryFile, int workers, int sinks, boolean childProcesses,
        MiroServerSettings miro, List<String> teams, int producerApiPort, int registryPort, int workerPreviewPort,
        Map<String, String> producerProperties, Map<String, String> workerProperties, Map<String, String> sinkProperties) {

    public LocalPipelineSettings {
        producerProperties = Map.copyOf(producerProperties);
        workerProperties = Map.copyOf(workerProperties);
        sinkProperties = Map.copyOf(sinkProperties);
        if (workers < 1 || sinks < 1) {
            throw new IllegalArgumentException("At least one worker and one sink are needed");
        }
    }

    /** Everything on free ports, temporary data, Miro's rate limits off. */
    public static LocalPipelineSettings forTests() {
        return new LocalPipelineSettings(null, null, 1, 1, false,
                MiroServerSettings.builder().port(0).rateLimitsEnabled(false).build(), null, 0, 0, 0,
                Map.of(), Map.of(), Map.of());
    }

    public LocalPipelineSettings withDataDir(Path dir) {
        return new LocalPipelineSettings(dir, directoryFile, workers, sinks, childProcesses, miro, teams, producerApiPort,
                registryPort, workerPreviewPort, producerProperties, workerProperties, sinkProperties);
    }

    public LocalPipelineSettings withDirectoryFile(Path file) {
        return new LocalPipelineSettings(dataDir, file, workers, sinks, childProcesses, miro, teams, producerApiPort,
                registryPort, workerPreviewPort, producerProperties, workerProperties, sinkProperties);
    }

    public LocalPipelineSettings withInstances(int workerCount, int sinkCount) {
        return new LocalPipelineSettings(dataDir, directoryFile, workerCount, sinkCount, childProcesses, miro, teams, producerApiPort,
                registryPort, workerPreviewPort, producerProperties, workerProperties, sinkProperties);
    }

    public LocalPipelineSettings withChildProcesses(boolean enabled) {
        return new LocalPipelineSettings(dataDir, directoryFile, workers, sinks, enabled, miro, teams, producerApiPort,
                registryPort, workerPreviewPort, producerProperties, workerProperties, sinkProperties);
    }

    public LocalPipelineSettings withMiro(MiroServerSettings settings) {
        return new LocalPipelineSettings(dataDir, directoryFile, workers, sinks, childProcesses, settings, teams, producerApiPort,
                registryPort, workerPreviewPort, producerProperties, workerProperties, sinkProperties);
    }

    public LocalPipelineSettings withTeams(List<String> names) {
        return new LocalPipelineSettings(dataDir, directoryFile, workers, sinks, childProcesses, miro, names, producerApiPort,
                registryPort, workerPreviewPort, producerProperties, workerProperties, sinkProperties);
    }

    public LocalPipelineSettings withPorts(int apiPort, int schemaRegistryPort, int previewPort) {
        return new LocalPipelineSettings(dataDir, directoryFile, workers, sinks, childProcesses, miro, teams, apiPort,
                schemaRegistryPort, previewPort, producerProperties, workerProperties, sinkProperties);
    }

    public LocalPipelineSettings withProducerProperty(String key, String value) {
        return new LocalPipelineSettings(dataDir, directoryFile, workers, sinks, childProcesses, miro, teams, producerApiPort,
                registryPort, workerPreviewPort, plus(producerProperties, key, value), workerProperties, sinkProperties);
    }

    public LocalPipelineSettings withWorkerProperty(String key, String value) {
        return new LocalPipelineSettings(dataDir, directoryFile, workers, sinks, childProcesses, miro, teams, producerApiPort,
                registryPort, workerPreviewPort, producerProperties, plus(workerProperties, key, value), sinkProperties);
    }

    public LocalPipelineSettings withSinkProperty(String key, String value) {
        return new LocalPipelineSettings(dataDir, directoryFile, workers, sinks, childProcesses, miro, teams, producerApiPort,
                registryPort, workerPreviewPort, producerProperties, workerProperties, plus(sinkProperties, key, value));
    }

    private static Map<String, String> plus(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
