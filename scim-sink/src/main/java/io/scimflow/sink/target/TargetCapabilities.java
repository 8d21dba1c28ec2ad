package io.scimflow.sink.target;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a target can do and how to talk to it. Immutable.
 *
 * @param profile the profile these capabilities come from
 * @param groupCreate whether groups may be created ({@code POST /Groups}); when false an
 *        UPSERT_GROUP for an absent group is logged as DROPPED and nothing is sent
 * @param groupDelete whether groups may be deleted; when false DELETE_GROUP is DROPPED
 * @param patchStyle shape of PATCH bodies
 * @param groupPatchMaxBytes a group membership PATCH body stays below this many bytes (Miro's
 *        cheap rate bucket is below 500); 0 means no byte limit
 * @param groupPatchMaxMembers at most this many member changes per group PATCH
 * @param maxPageSize the {@code count} asked for when listing users or groups
 * @param caseInsensitiveUserName compare userNames without case on the client side (for servers
 *        whose userName filter is case-exact)
 * @param unstoredAttributes attributes the target accepts on create but does not return; they are
 *        sent on create and never compared (else every upsert would PATCH them again), lower case
 */
public record TargetCapabilities(
        TargetProfile profile,
        boolean groupCreate,
        boolean groupDelete,
        PatchStyle patchStyle,
        int groupPatchMaxBytes,
        int groupPatchMaxMembers,
        int maxPageSize,
        boolean caseInsensitiveUserName,
        Set<String> unstoredAttributes) {

    /** Attributes that no SCIM server returns (write-only), never compared. */
    private static final Set<String> WRITE_ONLY = Set.of("password");

    /** Miro's documented behaviour (reference miro-scim.md sections 2 to 4). */
    public static TargetCapabilities miro(PatchStyle patchStyle) {
        return new TargetCapabilities(TargetProfile.MIRO, false, false, patchStyle, 500, 100, 1000, true,
                Set.of("externalid", "title", "nickname", "phonenumbers", "addresses", "locale", "timezone",
                        "emails", "password", "profileurl", "x509certificates", "ims", "entitlements"));
    }

    /** A standard SCIM 2.0 server, refined by what its {@code /ServiceProviderConfig} says. */
    public static TargetCapabilities genericScim(PatchStyle patchStyle, ServiceProviderInfo info,
            boolean caseInsensitiveUserName) {
        int pageSize = info.maxResults() > 0 ? Math.min(info.maxResults(), 1000) : 100;
        return new TargetCapabilities(TargetProfile.GENERIC_SCIM, true, true, patchStyle, 0, 100, pageSize,
                caseInsensitiveUserName, Set.of("password"));
    }

    public TargetCapabilities {
        unstoredAttributes = unstoredAttributes.stream().map(a -> a.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (groupPatchMaxMembers < 1) {
            throw new IllegalArgumentException("groupPatchMaxMembers must be at least 1");
        }
    }

    /** True when the attribute at this SCIM path is never read back, so it is never diffed. */
    public boolean isUnstored(String path) {
        String attribute = ScimPathNames.topLevelAttribute(path).toLowerCase(Locale.ROOT);
        return unstoredAttributes.contains(attribute) || WRITE_ONLY.contains(attribute);
    }

    public TargetCapabilities withGroupPatchMaxBytes(int bytes) {
        return new TargetCapabilities(profile, groupCreate, groupDelete, patchStyle, bytes, groupPatchMaxMembers,
                maxPageSize, caseInsensitiveUserName, unstoredAttributes);
    }

    public TargetCapabilities withGroupPatchMaxMembers(int members) {
        return new TargetCapabilities(profile, groupCreate, groupDelete, patchStyle, groupPatchMaxBytes, members,
                maxPageSize, caseInsensitiveUserName, unstoredAttributes);
    }
}
