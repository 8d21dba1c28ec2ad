package io.scimflow.sink.config;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.scimflow.sink.ratelimit.Endpoint;
import io.scimflow.sink.ratelimit.RateBudgetSettings;
import io.scimflow.sink.ratelimit.RetryPolicy;
import io.scimflow.sink.scim.TokenSource;
import io.scimflow.sink.target.PatchStyle;
import io.scimflow.sink.target.TargetProfile;

/**
 * The validated settings the sink runs with, built from {@link SinkProperties} by
 * {@link #from(SinkProperties)}, which fails with the key that is wrong. Immutable (the token
 * source re-reads its file or variable on demand).
 */
public record SinkSettings(URI baseUrl, TokenSource token, TargetProfile profile, PatchStyle patchStyle,
        RateBudgetSettings rateBudget, RetryPolicy retry, Set<String> secretAttributes, SinkProperties raw) {

    public static SinkSettings from(SinkProperties p) {
        SinkProperties.Target t = p.getTarget();
        URI baseUrl = baseUrl(t);
        TokenSource token;
        try {
            token = TokenSource.of(t.getToken(), t.getTokenFile(), t.getTokenEnv());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("scimflow.sink.target.token", null, e.getMessage());
        } catch (IllegalStateException e) {
            String key = t.getTokenFile() != null ? "scimflow.sink.target.token-file" : "scimflow.sink.target.token-env";
            throw new InvalidSettingException(key, t.getTokenFile() != null ? t.getTokenFile() : t.getTokenEnv(), e.getMessage());
        }
        TargetProfile profile;
        try {
            profile = TargetProfile.fromConfig(t.getProfile());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("scimflow.sink.target.profile", t.getProfile(), e.getMessage());
        }
        PatchStyle style = switch (t.getPatchStyle().trim().toLowerCase(Locale.ROOT)) {
            case "rfc7644", "rfc" -> PatchStyle.RFC7644;
            case "entra-legacy", "legacy" -> PatchStyle.ENTRA_LEGACY;
            default -> throw new InvalidSettingException("scimflow.sink.target.patch-style", t.getPatchStyle(),
                    "expected rfc7644 or entra-legacy");
        };
        positive("scimflow.sink.concurrency", p.getConcurrency());
        positive("scimflow.sink.max-in-flight", p.getMaxInFlight());
        if (p.getWarmUpOperations() < 0) {
            throw new InvalidSettingException("scimflow.sink.warm-up-operations", p.getWarmUpOperations(), "must be 0 (none) or more");
        }
        positive("scimflow.sink.retry.max-attempts", p.getRetry().getMaxAttempts());
        positive("scimflow.sink.target.request-timeout", t.getRequestTimeout());
        String users = p.getPrefetch().getUsers();
        if (!Set.of("on-start", "lag", "never").contains(users)) {
            throw new InvalidSettingException("scimflow.sink.prefetch.users", users, "expected on-start, lag or never");
        }
        positive("scimflow.sink.target.connect-timeout", t.getConnectTimeout());
        positive("scimflow.sink.shutdown-timeout", p.getShutdownTimeout());
        positive("scimflow.sink.progress-interval", p.getProgressInterval());
        notNegative("scimflow.sink.deletion-guard.threshold", p.getDeletionGuard().getThreshold());
        positive("scimflow.sink.deletion-guard.window", p.getDeletionGuard().getWindow());
        if (t.getGroupPatchMaxMembers() != null) {
            positive("scimflow.sink.target.group-patch-max-members", t.getGroupPatchMaxMembers());
        }
        if (t.getGroupPatchMaxBytes() != null) {
            notNegative("scimflow.sink.target.group-patch-max-bytes", t.getGroupPatchMaxBytes());
        }
        notNegative("scimflow.sink.prefetch.lag-threshold", p.getPrefetch().getLagThreshold());
        positive("scimflow.sink.prefetch.ttl", p.getPrefetch().getTtl());
        positive("scimflow.sink.prefetch.group-relist-interval", p.getPrefetch().getGroupRelistInterval());
        positive("scimflow.sink.prefetch.group-members-ttl", p.getPrefetch().getGroupMembersTtl());
        positive("scimflow.sink.quarantine.probe-interval", p.getQuarantine().getProbeInterval());
        notNegative("scimflow.sink.notify.failure-threshold", p.getNotify().getFailureThreshold());
        positive("scimflow.sink.notify.failure-window", p.getNotify().getFailureWindow());
        return new SinkSettings(baseUrl, token, profile, style, rateBudget(p.getRateLimit()), retry(p.getRetry()),
                p.getSecretAttributes().stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()), p);
    }

    private static URI baseUrl(SinkProperties.Target t) {
        String key = "scimflow.sink.target.base-url";
        if (t.getBaseUrl() == null || t.getBaseUrl().isBlank()) {
            throw new InvalidSettingException(key, null, "required: the SCIM base URL, e.g. https://miro.com/api/v1/scim");
        }
        URI uri;
        try {
            uri = URI.create(t.getBaseUrl().trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, t.getBaseUrl(), "not a URL: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw new InvalidSettingException(key, t.getBaseUrl(), "needs a scheme and a host");
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && !t.isAllowInsecureHttp()) {
            throw new InvalidSettingException(key, t.getBaseUrl(), "plain http sends the token unencrypted; use https, "
                    + "or set scimflow.sink.target.allow-insecure-http=true for a local server");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidSettingException(key, t.getBaseUrl(), "scheme must be https");
        }
        return uri;
    }

    private static RateBudgetSettings rateBudget(SinkProperties.RateLimit r) {
        Map<Endpoint, Integer> limits = new EnumMap<>(Endpoint.class);
        for (var entry : r.getLimits().entrySet()) {
            String name = entry.getKey().trim().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                limits.put(Endpoint.valueOf(name), entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("scimflow.sink.rate-limit.limits." + entry.getKey(), entry.getValue(),
                        "unknown endpoint; expected one of " + java.util.Arrays.toString(Endpoint.values()));
            }
        }
        if (r.getScale() <= 0) {
            throw new InvalidSettingException("scimflow.sink.rate-limit.scale", r.getScale(), "must be positive");
        }
        positive("scimflow.sink.rate-limit.window", r.getWindow());
        if (r.getSafetyMargin() == null || r.getSafetyMargin().isNegative()) {
            throw new InvalidSettingException("scimflow.sink.rate-limit.safety-margin", r.getSafetyMargin(), "must be 0 or more");
        }
        return new RateBudgetSettings(r.isEnabled(), r.getWindow(), r.getScale(), r.getSafetyMargin(), limits);
    }

    private static RetryPolicy retry(SinkProperties.Retry r) {
        if (r.getMultiplier() < 1) {
            throw new InvalidSettingException("scimflow.sink.retry.multiplier", r.getMultiplier(), "must be at least 1");
        }
        positive("scimflow.sink.retry.initial-backoff", r.getInitialBackoff());
        positive("scimflow.sink.retry.max-backoff", r.getMaxBackoff());
        positive("scimflow.sink.retry.rate-limit-backoff", r.getRateLimitBackoff());
        positive("scimflow.sink.retry.rate-limit-max-backoff", r.getRateLimitMaxBackoff());
        return new RetryPolicy(r.getMaxAttempts(), r.getInitialBackoff(), r.getMaxBackoff(), r.getMultiplier(),
                r.getRateLimitBackoff(), r.getRateLimitMaxBackoff());
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new InvalidSettingException(key, value, "must be at least 1");
        }
    }

    private static void notNegative(String key, long value) {
        if (value < 0) {
            throw new InvalidSettingException(key, value, "must be 0 or more");
        }
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidSettingException(key, value, "must be positive");
        }
    }

    @Override
    public String toString() {
        return "SinkSettings[baseUrl=" + baseUrl + ", profile=" + profile.configName() + ", token from " + token.describe() + "]";
    }
}
