package io.scimflow.sink.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinkSettingsTests {

    private static SinkProperties valid() {
        SinkProperties p = new SinkProperties();
        p.getTarget().setBaseUrl("https://miro.com/api/v1/scim");
        p.getTarget().setToken("secret-token-value");
        return p;
    }

    @Test
    void acceptsAValidConfigurationAndNeverShowsTheToken() {
        SinkSettings settings = SinkSettings.from(valid());
        assertThat(settings.baseUrl().toString()).isEqualTo("https://miro.com/api/v1/scim");
        assertThat(settings.toString()).doesNotContain("secret-token-value");
        assertThat(settings.token().toString()).doesNotContain("secret-token-value");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "target.base-url | (unset) | scimflow.sink.target.base-url",
            "target.base-url | http://miro.com/api/v1/scim | scimflow.sink.target.base-url",
            "target.base-url | ftp://x/scim | scimflow.sink.target.base-url",
            "target.profile | okta | scimflow.sink.target.profile",
            "target.patch-style | weird | scimflow.sink.target.patch-style",
            "concurrency | 0 | scimflow.sink.concurrency",
            "prefetch.users | sometimes | scimflow.sink.prefetch.users",
            "rate-limit.scale | 0 | scimflow.sink.rate-limit.scale",
            "warm-up-operations | -1 | scimflow.sink.warm-up-operations",
            "target.token-env | SCIMFLOW_SURELY_UNSET_VARIABLE | scimflow.sink.target.token-env",
            "target.connect-timeout | PT0S | scimflow.sink.target.connect-timeout",
            "target.group-patch-max-members | 0 | scimflow.sink.target.group-patch-max-members",
            "retry.initial-backoff | PT-1S | scimflow.sink.retry.initial-backoff",
            "prefetch.lag-threshold | -1 | scimflow.sink.prefetch.lag-threshold",
            "quarantine.probe-interval | PT0S | scimflow.sink.quarantine.probe-interval",
            "notify.failure-window | PT0S | scimflow.sink.notify.failure-window",
            "progress-interval | PT0S | scimflow.sink.progress-interval",
            "deletion-guard.threshold | -1 | scimflow.sink.deletion-guard.threshold",
            "deletion-guard.window | PT0S | scimflow.sink.deletion-guard.window",
    })
    void rejectsAWrongSettingNamingItsKey(String setting, String value, String key) {
        SinkProperties p = valid();
        switch (setting) {
            case "target.base-url" -> p.getTarget().setBaseUrl(value.equals("(unset)") ? null : value);
            case "target.profile" -> p.getTarget().setProfile(value);
            case "target.patch-style" -> p.getTarget().setPatchStyle(value);
            case "concurrency" -> p.setConcurrency(Integer.parseInt(value));
            case "prefetch.users" -> p.getPrefetch().setUsers(value);
            case "rate-limit.scale" -> p.getRateLimit().setScale(Double.parseDouble(value));
            case "warm-up-operations" -> p.setWarmUpOperations(Integer.parseInt(value));
            case "target.connect-timeout" -> p.getTarget().setConnectTimeout(java.time.Duration.parse(value));
            case "target.group-patch-max-members" -> p.getTarget().setGroupPatchMaxMembers(Integer.parseInt(value));
            case "retry.initial-backoff" -> p.getRetry().setInitialBackoff(java.time.Duration.parse(value));
            case "prefetch.lag-threshold" -> p.getPrefetch().setLagThreshold(Long.parseLong(value));
            case "quarantine.probe-interval" -> p.getQuarantine().setProbeInterval(java.time.Duration.parse(value));
            case "notify.failure-window" -> p.getNotify().setFailureWindow(java.time.Duration.parse(value));
            case "progress-interval" -> p.setProgressInterval(java.time.Duration.parse(value));
            case "deletion-guard.threshold" -> p.getDeletionGuard().setThreshold(Integer.parseInt(value));
            case "deletion-guard.window" -> p.getDeletionGuard().setWindow(java.time.Duration.parse(value));
            case "target.token-env" -> {
                p.getTarget().setToken(null);
                p.getTarget().setTokenEnv(value);
            }
            default -> throw new IllegalArgumentException(setting);
        }
        assertThatThrownBy(() -> SinkSettings.from(p)).isInstanceOfSatisfying(InvalidSettingException.class,
                e -> assertThat(e.key()).isEqualTo(key)).hasMessageContaining(key);
    }

    @Test
    void rejectsTwoTokenSources() {
        SinkProperties p = valid();
        p.getTarget().setTokenFile("/run/secrets/scim-token");
        assertThatThrownBy(() -> SinkSettings.from(p)).hasMessageContaining("scimflow.sink.target.token");
    }
}
