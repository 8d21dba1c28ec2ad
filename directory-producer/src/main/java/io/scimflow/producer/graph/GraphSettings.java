package io.scimflow.producer.graph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the Microsoft Graph source. {@code clientSecret} is held in memory only and
 * never appears in {@link #toString()} or in logs.
 */
public record GraphSettings(
        String baseUrl,
        String authorityUrl,
        String tenantId,
        String clientId,
        String clientSecret,
        String servicePrincipalId,
        Duration pollInterval,
        List<String> userAttributes,
        List<String> groupAttributes,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration requestTimeout,
        Path stateFile) {

    /**
     * The user attributes the directory events carry (Graph names). {@code manager} is a
     * relationship: the delta reports it as {@code manager@delta}, which becomes
     * {@code managerId}; leave it out of the list to stop reading managers.
     */
    public static final List<String> DEFAULT_USER_ATTRIBUTES = List.of("userPrincipalName", "mail", "mailNickname",
            "givenName", "surname", "displayName", "jobTitle", "department", "companyName", "employeeId", "employeeType",
            "officeLocation", "city", "state", "country", "streetAddress", "postalCode", "usageLocation",
            "preferredLanguage", "mobilePhone", "businessPhones", "otherMails", "userType", "accountEnabled",
            "onPremisesExtensionAttributes", "manager");

    public static final List<String> DEFAULT_GROUP_ATTRIBUTES = List.of("displayName", "description", "mail",
            "mailNickname", "mailEnabled", "securityEnabled");

    public String tokenUrl() {
        return trim(authorityUrl) + "/" + tenantId + "/oauth2/v2.0/token";
    }

    public String graphUrl() {
        return trim(baseUrl) + "/v1.0";
    }

    /** The OAuth scope of Graph application permissions: {@code <resource>/.default}. */
    public String scope() {
        return trim(baseUrl) + "/.default";
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "GraphSettings[baseUrl=" + baseUrl + ", authorityUrl=" + authorityUrl + ", tenantId=" + tenantId
                + ", clientId=" + clientId + ", clientSecret=(hidden), servicePrincipalId=" + servicePrincipalId
                + ", pollInterval=" + pollInterval + "]";
    }
}
