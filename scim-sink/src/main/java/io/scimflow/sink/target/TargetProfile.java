package io.scimflow.sink.target;

import java.util.Locale;

/** Which kind of SCIM service provider the sink talks to. */
public enum TargetProfile {

    /** Miro's SCIM API: groups are teams that cannot be created or deleted over SCIM. */
    MIRO("miro"),

    /** Any SCIM 2.0 service provider: capabilities read from {@code /ServiceProviderConfig}. */
    GENERIC_SCIM("generic-scim");

    private final String configName;

    TargetProfile(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** Parses {@code miro} or {@code generic-scim} (case-insensitive). */
    public static TargetProfile fromConfig(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (TargetProfile profile : values()) {
            if (profile.configName.equals(normalized)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown target profile '" + value + "', expected miro or generic-scim");
    }
}
