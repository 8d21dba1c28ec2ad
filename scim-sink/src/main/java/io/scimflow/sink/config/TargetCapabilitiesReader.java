package io.scimflow.sink.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimflow.sink.scim.RequestTally;
import io.scimflow.sink.scim.ScimHttpClient;
import io.scimflow.sink.target.ServiceProviderInfo;
import io.scimflow.sink.target.TargetCapabilities;
import io.scimflow.sink.target.TargetProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target's capabilities: Miro's from the profile; a generic server's from its
 * {@code /ServiceProviderConfig}. Used by the sink and by the CLI's provision on demand.
 */
public final class TargetCapabilitiesReader {

    private static final Logger log = LoggerFactory.getLogger(TargetCapabilitiesReader.class);

    private TargetCapabilitiesReader() {
    }

    public static TargetCapabilities read(SinkSettings settings, ScimHttpClient http) {
        SinkProperties.Target t = settings.raw().getTarget();
        TargetCapabilities capabilities;
        if (settings.profile() == TargetProfile.MIRO) {
            capabilities = TargetCapabilities.miro(settings.patchStyle());
        } else {
            ServiceProviderInfo info = ServiceProviderInfo.assumed();
            try {
                JsonNode config = http.send("GET", "/ServiceProviderConfig", null, new RequestTally()).body();
                if (config != null) {
                    info = new ServiceProviderInfo(config.path("patch").path("supported").asBoolean(true),
                            config.path("filter").path("supported").asBoolean(true), config.path("filter").path("maxResults").asInt(0));
                }
            } catch (RuntimeException e) {
                log.warn("Could not read {}/ServiceProviderConfig ({}); assuming a standard SCIM 2.0 server", http.baseUrl(), e.toString());
            }
            if (!info.patchSupported()) {
                log.warn("{} says PATCH is not supported; the sink only updates with PATCH", http.baseUrl());
            }
            capabilities = TargetCapabilities.genericScim(settings.patchStyle(), info, t.isCaseInsensitiveUserName());
        }
        if (t.getGroupPatchMaxBytes() != null) {
            capabilities = capabilities.withGroupPatchMaxBytes(t.getGroupPatchMaxBytes());
        }
        if (t.getGroupPatchMaxMembers() != null) {
            capabilities = capabilities.withGroupPatchMaxMembers(t.getGroupPatchMaxMembers());
        }
        log.info("Target {} with profile {}: group create {}, group delete {}, PATCH {}, group PATCH < {} bytes",
                http.baseUrl(), capabilities.profile().configName(), capabilities.groupCreate(), capabilities.groupDelete(),
                capabilities.patchStyle(), capabilities.groupPatchMaxBytes());
        return capabilities;
    }
}
