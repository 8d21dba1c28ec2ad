package io.scimflow.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.2 refuses to instantiate generated classes from packages it has not been told
 * to trust. The event classes are ours, so trust them once, in code, instead of asking
 * every app and test to set {@code org.apache.avro.SERIALIZABLE_PACKAGES}.
 */
final class TrustedEventClasses {

    private static final String EVENTS_PACKAGE = "io.scimflow.events.";
    private static boolean installed;

    private TrustedEventClasses() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                current, type -> type.getName().startsWith(EVENTS_PACKAGE)));
        installed = true;
    }
}
